package io.frontlineguard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;

/**
 * Issue 11's question about Drools' executable model, measured rather than guessed: the same DRL
 * files (which the service lints first) built at run time into the executable model, so that the
 * benchmark can evaluate the scenario mix against it beside the service's rule base. Benchmark only:
 * the service does not build rules this way.
 */
final class ExecutableModelBase {

    private ExecutableModelBase() {
    }

    static KieBase build(Path rulesDir) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem files = ks.newKieFileSystem();
        try (Stream<Path> drl = Files.list(rulesDir)) {
            drl.filter(p -> p.toString().endsWith(".drl")).sorted().forEach(p -> {
                try {
                    files.write("src/main/resources/frontlineguard/" + p.getFileName(), Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KieBuilder builder = ks.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("the executable model does not build: " + builder.getResults().getMessages());
        }
        KieContainer container = ks.newKieContainer(ks.getRepository().getDefaultReleaseId());
        return container.getKieBase();
    }
}
