package io.frontlineguard.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The console is static files under META-INF/resources/console, calling the same API as every
 * client; this only sends {@code /console} to the folder, so its relative links resolve.
 */
@ApplicationScoped
public class ConsoleRoutes {

    void install(@Observes Router router) {
        // Vert.x matches "/console" for "/console/" too; only the bare path is sent on.
        router.get("/console").handler(ctx -> {
            if (ctx.request().path().equals("/console")) {
                ctx.redirect("/console/");
            } else {
                ctx.next();
            }
        });
    }
}
