package dev.newsflow.topology;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/** Binary serdes of the trend stage's internal records, in the versioned format of {@link StorySerdes}. */
final class TrendSerdes {

    private TrendSerdes() {
    }

    static Serde<TrendHit> hit() {
        return StorySerdes.serde("trend", TrendSerdes::writeHit, TrendSerdes::readHit);
    }

    static Serde<TrendBucket> bucket() {
        return StorySerdes.serde("trend", (out, bucket) -> {
            out.writeLong(bucket.count());
            out.writeInt(bucket.samples().size());
            for (TrendHit sample : bucket.samples()) {
                writeHit(out, sample);
            }
        }, in -> {
            long count = in.readLong();
            int size = in.readInt();
            List<TrendHit> samples = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                samples.add(readHit(in));
            }
            return new TrendBucket(count, samples);
        });
    }

    private static void writeHit(DataOutputStream out, TrendHit hit) throws IOException {
        out.writeUTF(hit.articleId());
        out.writeUTF(hit.storyId());
    }

    private static TrendHit readHit(DataInputStream in) throws IOException {
        return new TrendHit(in.readUTF(), in.readUTF());
    }
}
