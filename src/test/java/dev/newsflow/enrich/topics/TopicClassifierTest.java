package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.enrich.Document;
import dev.newsflow.enrich.entities.EntityMatch;
import dev.newsflow.enrich.entities.EntityMatch.EntityKind;
import dev.newsflow.enrich.entities.EntityMatch.LinkSource;
import dev.newsflow.enrich.entities.Span;
import dev.newsflow.enrich.text.NormalisedText;
import dev.newsflow.enrich.text.TextNormaliser;
import dev.newsflow.enrich.topics.TopicMatch.TopicEvidence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private static final Taxonomy DEFAULT = Taxonomy.loadDefault();
    private static final TopicClassifier CLASSIFIER = new TopicClassifier(DEFAULT);
    private static final String FILLER = "Officials declined to comment on the details. ".repeat(14);

    private static Document doc(String title, String body) {
        NormalisedText t = new TextNormaliser().normalise(title, body, false);
        return new Document("t", t.title(), t.text(), t.bodyStart(), "en", null, null);
    }

    private static List<String> topics(Document d) {
        return CLASSIFIER.classify(d, List.of()).stream().map(TopicMatch::id).toList();
    }

    /** A country entity with a mention at every occurrence of {@code surface}. */
    private static EntityMatch country(String id, String surface, Document d) {
        List<Span> spans = new ArrayList<>();
        for (int i = d.text().indexOf(surface); i >= 0; i = d.text().indexOf(surface, i + 1)) {
            spans.add(new Span(i, i + surface.length(), surface));
        }
        return new EntityMatch(id, surface, EntityKind.COUNTRY, null, null, LinkSource.DICTIONARY, 0.5, spans);
    }

    @Test
    void defaultTaxonomyHasTheContractTopicsAndAVersion() {
        assertThat(DEFAULT.version()).isNotBlank();
        assertThat(DEFAULT.topicIds()).contains("sanctions", "drones", "syria", "ukraine-war", "iran", "north-korea",
                "nuclear-weapons", "terrorism", "protests", "military-conflict", "cyber-attacks", "energy",
                "elections", "migration", "human-rights", "trade", "de-dollarisation");
    }

    @Test
    void sanctionedByTheLeagueIsNotSanctions() {
        Document d = doc("Star receiver suspended four games",
                FILLER + "The receiver was sanctioned by the league for violating its conduct policy. "
                        + "The NFL said the sanctions were the toughest it had imposed this season. "
                        + "The league added that further sanctions were possible.");
        assertThat(topics(d)).doesNotContain("sanctions");
    }

    @Test
    void economicSanctionsAreSanctions() {
        Document d = doc("US imposes new sanctions on Russian banks",
                "The Treasury Department imposed sanctions on five Russian banks on Friday, freezing their assets.");
        assertThat(topics(d)).contains("sanctions");
    }

    @Test
    void gameShowHostWhoDronesOnIsNotDrones() {
        Document d = doc("Game show host drones on as contestants wait",
                "The veteran host drones on and on about the rules before every round. Viewers said he droned on "
                        + "for ten minutes. One contestant said the drone of his voice put her to sleep, and the "
                        + "droning continued after the break.");
        assertThat(topics(d)).doesNotContain("drones");
    }

    @Test
    void aMonologueThatDronesOnLongAndAHolidayCaravanAreNeitherDronesNorMigration() {
        Document d = doc("Review: the host is back, and so is the monologue",
                "The host strolls out and drones on for the better part of a quarter of an hour. " + FILLER
                        + "The monologue drones on long after the laughs have run out. The best joke is about a family "
                        + "holiday in a caravan. " + FILLER + "The caravan's chemical toilet gets the last laugh.");

        assertThat(topics(d)).doesNotContain("drones", "migration");
    }

    @Test
    void playerNamedDronesIsNotDrones() {
        Document d = doc("Kyron Drones leads Hokies past Miami",
                "Kyron Drones threw for 250 yards and two touchdowns. Kyron Drones also ran for 80 yards as the "
                        + "quarterback carried the offense. Coach Brent Pry praised Drones, the quarterback, after "
                        + "the game.");
        assertThat(topics(d)).doesNotContain("drones");
    }

    @Test
    void droneStrikeIsDrones() {
        Document d = doc("Drone strike kills militant commander",
                "A US drone strike killed a senior commander on Tuesday, officials said.");
        assertThat(topics(d)).contains("drones");
    }

    @Test
    void dronesSuppliedAndLaunchedInTwoBodySentencesAreDrones() {
        Document d = doc("Talks in Tehran end without a deal",
                FILLER + "Officials say Iran has supplied Russia with hundreds of drones for the war. "
                        + "Ukraine says the drones were launched at power stations overnight.");
        assertThat(topics(d)).contains("drones");
    }

    @Test
    void oneSentenceAboutSuppliedDronesIsAPassingMention() {
        Document d = doc("Talks in Tehran end without a deal",
                FILLER + "Officials say Iran has supplied Russia with hundreds of drones for the war.");
        assertThat(topics(d)).doesNotContain("drones");
    }

    @Test
    void syriaMentionedOnceInAListIsNotSyria() {
        Document d = doc("Senate passes defence bill",
                FILLER + "The bill funds programmes for allies and partners. It mentions Iran, Syria, North Korea "
                        + "and Venezuela among the countries of concern. The vote was 86 to 8.");
        List<EntityMatch> ents = List.of(country("country:ir", "Iran", d), country("country:sy", "Syria", d),
                country("country:kp", "North Korea", d), country("country:ve", "Venezuela", d));
        assertThat(CLASSIFIER.classify(d, ents)).extracting(TopicMatch::id).doesNotContain("syria");
    }

    @Test
    void articleAboutSyriaIsSyria() {
        Document d = doc("Syrian government forces advance on Idlib",
                "Syrian government troops backed by Russian air strikes advanced on rebel-held Idlib on Sunday. "
                        + "Assad has vowed to retake all of Syria.");
        List<EntityMatch> ents = List.of(country("country:sy", "Syria", d));
        List<TopicMatch> found = CLASSIFIER.classify(d, ents);
        assertThat(found).extracting(TopicMatch::id).contains("syria");
        assertThat(found.stream().filter(m -> m.id().equals("syria")).findFirst().orElseThrow().evidence())
                .extracting(TopicEvidence::rulePart).contains("terms", "entities.boost");
    }

    @Test
    void impeachmentPhoneCallIsNotUkraineWar() {
        Document d = doc("Trump's Ukraine call: what the whistleblower said",
                "The whistleblower complaint concerns a July phone call between President Trump and Ukraine's "
                        + "president. Democrats say Trump pressed Ukraine to investigate Joe Biden and his son. "
                        + "The White House released a memo of the Ukraine call. House committees subpoenaed "
                        + "documents about the Ukraine aid hold. Rudy Giuliani met Ukrainian officials in Madrid.");
        assertThat(topics(d)).doesNotContain("ukraine-war");
    }

    @Test
    void theWarIsUkraineWar() {
        Document d = doc("Russian forces shell Ukrainian positions in Donbas",
                "Russian-backed separatists shelled Ukrainian army positions near Donetsk overnight, Kyiv said. "
                        + "The fighting in eastern Ukraine has killed more than 13,000 people since Russia annexed "
                        + "Crimea in 2014.");
        assertThat(topics(d)).contains("ukraine-war");
    }

    @Test
    void nuclearPlantSafetyIsNotNuclearWeapons() {
        Document d = doc("Regulators review nuclear plant safety after storm",
                "The Nuclear Regulatory Commission said the nuclear plant shut down safely. Inspectors will "
                        + "review nuclear reactor cooling systems, and the nuclear power industry welcomed the "
                        + "review. Nuclear energy supplies a fifth of the state's electricity.");
        assertThat(topics(d)).doesNotContain("nuclear-weapons");
    }

    @Test
    void warheadTestIsNuclearWeapons() {
        Document d = doc("North Korea says it tested a nuclear warhead",
                "Pyongyang said it had successfully tested a nuclear warhead that can be mounted on a ballistic "
                        + "missile, its fifth nuclear test.");
        assertThat(topics(d)).contains("nuclear-weapons", "north-korea");
    }

    @Test
    void evidenceOffsetsPointAtTheMatchedText() {
        Document d = doc("Drone strike kills militant commander",
                "A US drone strike killed a commander, and the Pentagon said drones remain its main tool.");
        for (TopicMatch m : CLASSIFIER.classify(d, List.of())) {
            assertThat(m.score()).isBetween(0.0, 1.0);
            assertThat(m.evidence()).isNotEmpty();
            for (TopicEvidence e : m.evidence()) {
                String surface = d.text().substring(e.start(), e.end());
                if (!e.rulePart().startsWith("entities")) {
                    assertThat(surface).isEqualToIgnoringCase(e.term());
                }
            }
        }
        TopicMatch drones = CLASSIFIER.classify(d, List.of()).stream().filter(m -> m.id().equals("drones"))
                .findFirst().orElseThrow();
        assertThat(drones.evidence().get(0).start()).isZero();
        assertThat(drones.evidence().get(0).term()).isEqualTo("Drone strike");
    }

    @Test
    void titleAndLeadCountMoreThanTheBody() {
        String yaml = """
                version: t1
                defaults: {lead_chars: 100, title_weight: 3, lead_weight: 2, saturation: 10, threshold: 0.01}
                topics:
                  - id: cats
                    label: Cats
                    terms: [cat]
                """;
        TopicClassifier c = new TopicClassifier(Taxonomy.parse(yaml));
        Document d = doc("A cat", "A cat again. " + "Filler words here. ".repeat(10) + "And a cat later. And cats.");
        List<TopicEvidence> ev = c.classify(d, List.of()).get(0).evidence();
        assertThat(ev).extracting(TopicEvidence::weight).containsExactly(3.0, 2.0, 1.0);
        assertThat(c.classify(d, List.of()).get(0).score()).isEqualTo(0.6);
    }

    @Test
    void passingMentionInOneBodySentenceDoesNotFire() {
        String yaml = """
                version: t1
                defaults: {lead_chars: 50, saturation: 2, threshold: 0.5}
                topics:
                  - id: cats
                    label: Cats
                    terms: [{term: cat, weight: 5}]
                """;
        TopicClassifier c = new TopicClassifier(Taxonomy.parse(yaml));
        String filler = "Filler words here. ".repeat(10);
        assertThat(c.classify(doc("News", filler + "A cat and a cat."), List.of())).isEmpty();
        assertThat(c.classify(doc("News", filler + "A cat. Another cat."), List.of())).hasSize(1);
        assertThat(c.classify(doc("News about a cat", filler), List.of())).hasSize(1);
    }

    @Test
    void inflectionsExactTermsCaseNotAllNearAndEntityConditions() {
        String yaml = """
                version: t2
                defaults: {saturation: 1, threshold: 0.5}
                topics:
                  - id: bans
                    label: Bans
                    terms: [ban]
                  - id: exact
                    label: Exact
                    terms: [{term: drone, exact: true}]
                  - id: acronym
                    label: Acronym
                    terms: [{term: ICE, case: sensitive}]
                  - id: vetoed
                    label: Vetoed
                    terms: [match]
                    not: [[tennis]]
                  - id: both
                    label: Both
                    near: [{left: [fire], right: [forest], weight: 1}]
                  - id: gated
                    label: Gated
                    terms: [talks]
                    entities: {require: ["country:sy"]}
                  - id: needsall
                    label: Needs all
                    terms: [talks]
                    all: [[peace]]
                """;
        TopicClassifier c = new TopicClassifier(Taxonomy.parse(yaml));
        assertThat(ids(c, doc("They banned it", "Nothing else."))).contains("bans");
        assertThat(ids(c, doc("Droning", "Nothing else."))).doesNotContain("exact");
        assertThat(ids(c, doc("Ice on roads", "Nothing else."))).doesNotContain("acronym");
        assertThat(ids(c, doc("ICE raids", "Nothing else."))).contains("acronym");
        assertThat(ids(c, doc("Tennis match report", "Nothing else."))).doesNotContain("vetoed");
        assertThat(ids(c, doc("The forest fire spreads", "Nothing else."))).contains("both");
        assertThat(ids(c, doc("Talks resume", "Nothing else."))).doesNotContain("gated", "needsall");
        Document d = doc("Talks on Syria resume", "Peace is the aim.");
        assertThat(c.classify(d, List.of(country("country:sy", "Syria", d)))).extracting(TopicMatch::id)
                .contains("gated", "needsall");
    }

    private static List<String> ids(TopicClassifier c, Document d) {
        return c.classify(d, List.of()).stream().map(TopicMatch::id).toList();
    }

    @Test
    void resultsAreSortedByScore() {
        Document d = doc("Iran nuclear deal: sanctions relief debated",
                "Iran and world powers discussed the nuclear deal and sanctions relief in Vienna.");
        List<TopicMatch> found = CLASSIFIER.classify(d, List.of());
        assertThat(found).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void invalidUpdatesAreRejectedWithTheTopicAndField() {
        assertThatThrownBy(() -> Taxonomy.parse("version: v\ntopics:\n  - id: cats\n    terms: [cat]\n"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("topic 'cats'")
                .hasMessageContaining("'label'");
        assertThatThrownBy(() -> Taxonomy.parse(
                "version: v\ntopics:\n  - id: cats\n    label: Cats\n    terms: [{term: cat, weight: -1}]\n"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("topic 'cats'")
                .hasMessageContaining("'weight'");
        assertThatThrownBy(() -> Taxonomy.parse(
                "version: v\ntopics:\n  - id: cats\n    label: Cats\n    term: [cat]\n"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("unknown field 'term'");
        assertThatThrownBy(() -> Taxonomy.parse("topics:\n  - id: cats\n    label: Cats\n    terms: [cat]\n"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("'version'");
        assertThatThrownBy(() -> Taxonomy.parse("version: v\ntopics: [ {id: cats, label: Cats, terms: [cat]"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Taxonomy.parse(
                "version: v\ntopics:\n  - {id: cats, label: Cats, terms: [cat]}\n  - {id: cats, label: C, terms: [x]}\n"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("duplicate id");
        assertThatThrownBy(() -> Taxonomy.parse(
                "version: v\ntopics:\n  - {id: cats, label: Cats, terms: [cat], entities: {require: [PLANET]}}\n"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("topic 'cats' field 'entities'");
        assertThatThrownBy(() -> Taxonomy.parse(
                "version: v\ntopics:\n  - {id: cats, label: Cats, threshold: 2, terms: [cat]}\n"))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("'threshold'");
    }

    @Test
    void oneClassifierGivesTheSameAnswersWhateverItClassifiedBefore() {
        // The classifier keeps per-thread working arrays between articles (vetoes, term caps, list places): a
        // result must not depend on the article classified before it.
        Document listed = doc("Senate passes defence bill",
                FILLER + "It names Iran, Syria, North Korea and Venezuela. The NFL sanctions were noted. "
                        + "Sanctions on Iran were tightened. Sanctions on Iran were tightened again.");
        List<EntityMatch> listedEntities = List.of(country("country:ir", "Iran", listed),
                country("country:sy", "Syria", listed), country("country:kp", "North Korea", listed),
                country("country:ve", "Venezuela", listed));
        Document other = doc("Erdoğan says Syrian troops shelled Idlib",
                "Syrian government troops shelled Idlib. Erdoğan said the Syria offensive must stop. Drones droned on.");
        List<EntityMatch> otherEntities = List.of(country("country:sy", "Syria", other));
        TopicClassifier fresh = new TopicClassifier(DEFAULT);
        List<TopicMatch> first = fresh.classify(listed, listedEntities);
        List<TopicMatch> firstOther = new TopicClassifier(DEFAULT).classify(other, otherEntities);
        for (int i = 0; i < 3; i++) {
            assertThat(fresh.classify(other, otherEntities)).isEqualTo(firstOther);
            assertThat(fresh.classify(listed, listedEntities)).isEqualTo(first);
        }
        assertThat(firstOther).extracting(TopicMatch::id).contains("syria");
    }

    @Test
    void termsMatchAcrossCaseAccentsAndHyphens() {
        String yaml = """
                version: t3
                defaults: {saturation: 1, threshold: 0.5}
                topics:
                  - id: turkey
                    label: Turkey
                    terms: [Erdogan]
                  - id: qaeda
                    label: Qaeda
                    terms: [al Qaeda]
                  - id: nato
                    label: NATO
                    terms: [{term: NATO summit, case: sensitive}]
                """;
        TopicClassifier c = new TopicClassifier(Taxonomy.parse(yaml));
        assertThat(ids(c, doc("ERDOĞAN speaks", "Nothing else."))).contains("turkey");
        assertThat(ids(c, doc("Erdoganism", "Nothing else."))).doesNotContain("turkey");
        assertThat(ids(c, doc("Al-Qaeda claims attack", "Nothing else."))).contains("qaeda");
        assertThat(ids(c, doc("al - - Qaeda", "Nothing else."))).contains("qaeda");
        assertThat(ids(c, doc("Al Qaedas", "Nothing else."))).doesNotContain("qaeda");
        assertThat(ids(c, doc("NATO summit opens", "Nothing else."))).contains("nato");
        assertThat(ids(c, doc("NATO Summit opens", "Nothing else."))).doesNotContain("nato");
    }

    @Test
    void sanctionsAsAQualifierInTwoBodySentencesIsNotSanctions() {
        Document d = doc("Tanker seized in the Gulf",
                FILLER + "The tanker was suspected of carrying oil in breach of European Union sanctions. "
                        + FILLER + "The economy has grown this year despite the escalating sanctions.");
        assertThat(topics(d)).doesNotContain("sanctions");
    }

    @Test
    void sanctionsImposedOrLiftedInTwoBodySentencesAreSanctions() {
        Document d = doc("Talks resume in Vienna",
                FILLER + "The agreement includes a timetable for lifting sanctions on the central bank. "
                        + FILLER + "Congress reimposed sanctions on the oil sector a year later.");
        assertThat(topics(d)).contains("sanctions");
    }

    @Test
    void aBlacklistingHeadlineIsSanctions() {
        assertThat(topics(doc("Huawei blacklisted", FILLER))).contains("sanctions");
    }

    @Test
    void basharAlAssadIsOneMentionNotTwo() {
        Document d = doc("Bashar al-Assad visits Aleppo", FILLER);
        TopicMatch syria = CLASSIFIER.classify(d, List.of()).stream().filter(m -> m.id().equals("syria"))
                .findFirst().orElseThrow();
        assertThat(syria.evidence()).extracting(TopicEvidence::term).containsExactly("Bashar al-Assad", "Aleppo");
    }

    @Test
    void syriaAsAPlaceNameInTwoBodySentencesIsNotSyriaButTheWarThereIs() {
        Document passing = doc("Iran's proxies across the region",
                FILLER + "Its network ran from Lebanon to Syria and Yemen. " + FILLER
                        + "Iran's foreign minister visited Syria last spring, as he did every year.");
        assertThat(CLASSIFIER.classify(passing, List.of(country("country:sy", "Syria", passing))))
                .extracting(TopicMatch::id).doesNotContain("syria");
        Document war = doc("Trump interview covers the budget and the border",
                FILLER + "He stuck to his commitment to pull all 2,000 troops out of Syria. " + FILLER
                        + "Senators rebuked the withdrawal from Syria last week. "
                        + "Some want the troops to stay in Syria until the fighting ends.");
        assertThat(CLASSIFIER.classify(war, List.of(country("country:sy", "Syria", war))))
                .extracting(TopicMatch::id).contains("syria");
    }

    @Test
    void theAleppoGaffeIsNotSyria() {
        Document d = doc("Gary Johnson: What is Aleppo?",
                "Gary Johnson asked what is Aleppo on live television. Gary Johnson later called it his Aleppo moment.");
        assertThat(topics(d)).doesNotContain("syria");
    }

    @Test
    void theIslamicStateCaliphateIsTerrorismButTurkeysPkkLabelIsNot() {
        Document isis = doc("ISIS loses its last village",
                FILLER + "We are hitting the caliphate from Iraq, he said. " + FILLER
                        + "The Kurds did the fighting and defeated the ISIS caliphate.");
        TopicMatch terrorism = CLASSIFIER.classify(isis, List.of()).stream()
                .filter(m -> m.id().equals("terrorism")).findFirst().orElseThrow();
        assertThat(terrorism.evidence()).extracting(TopicEvidence::term).contains("caliphate");
        Document pkk = doc("Turkey presses its offensive",
                FILLER + "Ankara says the PKK are terrorists. " + FILLER
                        + "Western countries also deem the PKK a terrorist group.");
        assertThat(topics(pkk)).doesNotContain("terrorism");
    }

    @Test
    void inflectionsOfCommonWords() {
        assertThat(Taxonomy.inflections("sanction")).contains("sanction", "sanctions", "sanctioned", "sanctioning");
        assertThat(Taxonomy.inflections("embargo")).contains("embargoes", "embargoed");
        assertThat(Taxonomy.inflections("ban")).contains("bans", "banned", "banning");
        assertThat(Taxonomy.inflections("freeze")).contains("freezes", "freezing");
    }
}
