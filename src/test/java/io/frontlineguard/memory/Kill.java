package io.frontlineguard.memory;

import java.util.concurrent.TimeUnit;

/** Signals to a real server process, as an operator (or a frozen disk, or the OOM killer) would send them. */
final class Kill {

    private Kill() {
    }

    static void signal(String signal, long pid) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " \"$1\"", "kill", Long.toString(pid))
                    .inheritIO().start();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + pid + " failed");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
