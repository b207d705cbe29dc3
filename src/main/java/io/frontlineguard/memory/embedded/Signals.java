package io.frontlineguard.memory.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Signals to processes by id. Java sends only TERM and KILL; PostgreSQL's fast shutdown is INT,
 * so the shell's own kill (always there, unlike a kill program) sends it.
 */
final class Signals {

    private Signals() {
    }

    static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " \"$1\" 2>/dev/null", "signal", Long.toString(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            kill.getOutputStream().close();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot signal process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a process: the polite signal, then QUIT, then KILL, each given its share of the patience. */
    static boolean stop(ProcessHandle process, String politeSignal, Duration patience) {
        long pid = process.pid();
        for (String signal : List.of(politeSignal, "QUIT", "KILL")) {
            if (!process.isAlive()) {
                return true;
            }
            send(signal, pid);
            try {
                process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException stillAlive) {
                // try the next, firmer signal
            } catch (Exception e) {
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }

    /** The command line a running process was started with (Linux), empty where it cannot be read. */
    static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static Optional<ProcessHandle> alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}
