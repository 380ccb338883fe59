package dev.newsflow.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * What a trend window holds for one key: how many articles named it, and a few of them as evidence.
 *
 * @param count   articles counted in the window
 * @param samples the most recent articles first, at most {@link #MAX_SAMPLES}, at most one per story: copies of one
 *                story say less about why a key spiked than different stories do
 */
public record TrendBucket(long count, List<TrendHit> samples) {

    static final int MAX_SAMPLES = 5;

    public TrendBucket {
        samples = List.copyOf(samples);
    }

    static TrendBucket empty() {
        return new TrendBucket(0, List.of());
    }

    TrendBucket add(TrendHit hit) {
        List<TrendHit> next = new ArrayList<>(MAX_SAMPLES + 1);
        next.add(hit);
        for (TrendHit sample : samples) {
            if (next.size() < MAX_SAMPLES && !sample.storyId().equals(hit.storyId())) {
                next.add(sample);
            }
        }
        return new TrendBucket(count + 1, next);
    }

    /** The sampled article ids, most recent first. */
    public List<String> sampleArticleIds() {
        return samples.stream().map(TrendHit::articleId).toList();
    }
}
