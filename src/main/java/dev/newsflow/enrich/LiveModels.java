package dev.newsflow.enrich;

import dev.newsflow.enrich.entities.KnowledgeBase;
import dev.newsflow.enrich.topics.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The taxonomy and knowledge base in force, replaced while the application runs when users publish new rules
 * or entries; enrichers made by {@link #enricher()} follow every replacement at their next article.
 *
 * <p>Updates come from one thread and reads from many. Rebuilding the alias dictionary takes a noticeable
 * moment, so knowledge-base changes only mark the models stale and the next reader rebuilds once: a burst of
 * changes (a restart replaying the whole topic) costs one rebuild, not one per entry.
 */
public final class LiveModels {

    private final NewsEnricher.Shared shipped;
    private final Map<String, KnowledgeBase.Change> kbChanges = new LinkedHashMap<>();
    private final List<Consumer<Taxonomy>> taxonomyListeners = new CopyOnWriteArrayList<>();
    private Taxonomy taxonomy;
    private NewsEnricher.Shared withKbChanges;
    private volatile NewsEnricher.Shared current;

    public LiveModels(NewsEnricher.Shared shipped) {
        this.shipped = shipped;
        this.taxonomy = shipped.taxonomy();
        this.withKbChanges = shipped;
        this.current = shipped;
    }

    /** The models to enrich the next article with. */
    public NewsEnricher.Shared current() {
        NewsEnricher.Shared snapshot = current;
        return snapshot != null ? snapshot : rebuild();
    }

    /** An enricher for one thread that always applies the models in force. */
    public Enricher enricher() {
        return new FollowingEnricher(this);
    }

    /** The rules in force. */
    public synchronized Taxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * Puts {@code next} in force (null: the shipped taxonomy again). Listeners run first, so whatever a new
     * topic needs (its output topic) exists before any article is tagged with it.
     */
    public void useTaxonomy(Taxonomy next) {
        Taxonomy effective = next == null ? shipped.taxonomy() : next;
        taxonomyListeners.forEach(listener -> listener.accept(effective));
        synchronized (this) {
            taxonomy = effective;
            current = null;
        }
    }

    /** Runs {@code listener} before each taxonomy change takes effect, on the updating thread. */
    public void onTaxonomyChange(Consumer<Taxonomy> listener) {
        taxonomyListeners.add(listener);
    }

    /** Adds, replaces or removes one knowledge-base entity, by the change's id. */
    public synchronized void applyKbChange(KnowledgeBase.Change change) {
        kbChanges.remove(change.id());
        kbChanges.put(change.id(), change);
        withKbChanges = null;
        current = null;
    }

    /** Withdraws the user's change to {@code id}, so the shipped entry (if any) is in force again. */
    public synchronized void revertKbChange(String id) {
        if (kbChanges.remove(id) != null) {
            withKbChanges = null;
            current = null;
        }
    }

    private synchronized NewsEnricher.Shared rebuild() {
        if (current == null) {
            if (withKbChanges == null) {
                withKbChanges = kbChanges.isEmpty() ? shipped : NewsEnricher.Shared.of(
                        shipped.knowledgeBase().withChanges(kbChanges.values(), kbChangesVersion()),
                        shipped.nameFinder(), shipped.taxonomy());
            }
            current = withKbChanges.withTaxonomy(taxonomy);
        }
        return current;
    }

    /** "N changes@digest": equal on every instance that applied the same changes, different otherwise. */
    private String kbChangesVersion() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (KnowledgeBase.Change change : kbChanges.values()) {
                digest.update(change.id().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(String.valueOf(change.entry()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return kbChanges.size() + "-changes@" + HexFormat.of().formatHex(digest.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Delegates to a {@link NewsEnricher} over the models in force, rebuilt when they change. */
    private static final class FollowingEnricher implements Enricher {
        private final LiveModels models;
        private NewsEnricher.Shared appliedModels;
        private NewsEnricher delegate;

        FollowingEnricher(LiveModels models) {
            this.models = models;
        }

        @Override
        public Enrichment enrich(Document document) {
            return delegate().enrich(document);
        }

        /** The versions of the models that enriched the last article, even if newer ones arrived since. */
        @Override
        public EnricherVersions versions() {
            return (delegate == null ? delegate() : delegate).versions();
        }

        private NewsEnricher delegate() {
            NewsEnricher.Shared now = models.current();
            if (now != appliedModels) {
                delegate = new NewsEnricher(now);
                appliedModels = now;
            }
            return delegate;
        }
    }
}
