package dev.newsflow.enrich.dedup;

/** Invented news texts for de-duplication tests: one wire story, its copies, and another story on the same topic. */
public final class StoryTexts {

    public static final String WIRE_BODY = """
            The government of Norland agreed on Tuesday to reopen the northern rail corridor to freight traffic after \
            a six-week closure that stranded thousands of containers at the port of Halvik, the transport ministry said.

            Transport Minister Ella Brandt told reporters in the capital that engineers had finished repairs to the \
            Kessel bridge, which was damaged by flooding in early March, and that the first trains would run on Friday.

            "We owe the exporters and the port workers a quick return to normal," Brandt said, adding that the ministry \
            would pay for extra night shifts so the backlog could be cleared within a month.

            Shipping companies had warned that the closure was costing them about two million euros a day, and several \
            of them diverted vessels to ports in neighbouring countries during the repairs.

            The opposition Labour party said the government had been too slow to act and called for an inquiry into \
            why the bridge had not been reinforced after similar floods four years ago.
            """;

    /** The same wire story as another outlet runs it: new headline, typographic quotes and dashes, a credit line. */
    public static final String SYNDICATED_BODY = WIRE_BODY
            .replace("\"We owe", "\u201cWe owe").replace("normal,\"", "normal,\u201d")
            .replace("after a six-week", "after a six\u2011week")
            + "\nReporting by Anna Holm; editing by Piet Maas.\n";

    /** A light edit: two words changed in the lead, one sentence cut, one added. */
    public static final String EDITED_BODY = WIRE_BODY
            .replace("agreed on Tuesday", "decided on Tuesday")
            .replace("thousands of containers", "tens of thousands of containers")
            .replace("The opposition Labour party said the government had been too slow to act and called for an inquiry "
                    + "into why the bridge had not been reinforced after similar floods four years ago.", "")
            + "\nThe port authority said it expected traffic to reach normal levels by May.\n";

    /** Another outlet's own report of the same event: same names and topic, different words. */
    public static final String OTHER_REPORT_BODY = """
            Freight trains will return to Norland's northern corridor on Friday, ending a closure of more than a month \
            that left the port of Halvik clogged with containers, Transport Minister Ella Brandt announced on Tuesday.

            Floods in March weakened the Kessel bridge, and repair crews worked around the clock to replace two of its \
            piers, according to the state railway company, which put the cost of the work at eleven million euros.

            Exporters welcomed the news but said the damage had been done. One timber producer said it had lost two \
            contracts because its goods sat on the quay for weeks.

            Brandt promised extra night shifts at the port. Critics in parliament want to know why the bridge was not \
            strengthened earlier.
            """;

    /** A different story altogether. */
    public static final String UNRELATED_BODY = """
            Researchers at the University of Tarn have found that a common garden plant can remove heavy metals from \
            contaminated soil faster than the methods now used by local councils, according to a study published on \
            Monday.

            The team planted sunflowers on three former industrial sites and measured the lead and zinc in the soil \
            every month for two years, finding that concentrations fell by almost a third.

            Councils in the region spend several million a year digging out and replacing polluted earth, and the \
            researchers said planting could be a cheaper first step on sites that are not needed quickly.
            """;

    private StoryTexts() {
    }
}
