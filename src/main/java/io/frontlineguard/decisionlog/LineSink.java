package io.frontlineguard.decisionlog;

import java.io.IOException;
import java.util.List;

/** Where the writer puts formatted entries, one line each. Used by one thread only. */
public interface LineSink extends AutoCloseable {

    /** Appends the lines and hands them to the operating system before returning. */
    void write(List<String> lines) throws IOException;

    /** Forces everything written to the storage device and releases the file. */
    @Override
    void close() throws IOException;
}
