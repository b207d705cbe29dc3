package io.frontlineguard.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stdout target: whole lines, flushed per batch, and a stream that stays open for the process. */
class StreamSinkTest {

    @Test
    void shouldHandOverEveryBatchAsWholeUtf8LinesBeforeReturning() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamSink sink = new StreamSink(out);

        sink.write(List.of("{\"decisionId\":\"a\",\"reason\":\"訪問をお断りする\"}", "{\"decisionId\":\"b\"}"));

        assertEquals("{\"decisionId\":\"a\",\"reason\":\"訪問をお断りする\"}\n{\"decisionId\":\"b\"}\n",
                out.toString(StandardCharsets.UTF_8), "nothing may wait in a buffer once write returns");
    }

    @Test
    void shouldLeaveTheStreamUsableWhenClosed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the sink does not own the stream it writes to");
            }
        };
        StreamSink sink = new StreamSink(out);
        sink.write(List.of("{\"decisionId\":\"c\"}"));
        sink.close();

        assertEquals("{\"decisionId\":\"c\"}\n", out.toString(StandardCharsets.UTF_8));
    }
}
