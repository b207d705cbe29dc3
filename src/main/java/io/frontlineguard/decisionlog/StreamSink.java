package io.frontlineguard.decisionlog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Entries as JSON lines on a stream the service does not own, such as standard output in a
 * container whose log pipeline collects it. Each batch is flushed before {@link #write} returns;
 * closing flushes and leaves the stream open, because the process still owns it.
 */
public final class StreamSink implements LineSink {

    private final OutputStream out;

    public StreamSink(OutputStream target) {
        this.out = new BufferedOutputStream(target, 64 * 1024);
    }

    @Override
    public void write(List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
