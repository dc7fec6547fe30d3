package io.punchsim.reports.aggregate;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Histograms as base64 text in HdrHistogram's own (uncompressed V2) encoding, so any HdrHistogram
 * implementation can read them back. The histogram is first copied into a canonical one sized by its
 * largest value, so the bytes depend only on the counts, not on how auto-resizing grew the original.
 */
public final class HistogramCodec {

    private HistogramCodec() {
    }

    public static String encode(Histogram histogram) {
        long lowest = histogram.getLowestDiscernibleValue();
        long highest = Math.max(2 * lowest, histogram.getMaxValue());
        Histogram canonical = new Histogram(lowest, highest, histogram.getNumberOfSignificantValueDigits());
        for (HistogramIterationValue v : histogram.recordedValues()) {
            canonical.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
        }
        ByteBuffer buffer = ByteBuffer.allocate(canonical.getNeededByteBufferCapacity());
        int length = canonical.encodeIntoByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Reads {@link #encode}'s output back into an auto-resizing histogram. */
    public static Histogram decode(String base64) {
        try {
            Histogram h = Histogram.decodeFromByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
            h.setAutoResize(true);
            return h;
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
        }
    }
}
