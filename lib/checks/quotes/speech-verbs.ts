/** Verbs that introduce what someone said (plural nouns such as "calls" or "notes" left out on purpose). */
export const SPEECH_VERBS = new Set(
  ("say says said tell tells told describe describes described called add adds added ask asks asked write writes wrote " +
    "stated explain explains explained noted insist insists insisted warn warns warned argue argues argued claimed " +
    "tweeted posted refers referred remarked replied responded praises praised promise promises promised declares declared " +
    "announces announced urges urged highlights highlighted labeled labelled termed dubbed recalled admits admitted " +
    "acknowledged confirmed denied suggested predicted vowed pledged hinted criticized criticised agreed agrees continued " +
    "countered conceded shouted answered assured boasted bragged cautioned chanted complained concluded demanded " +
    "emphasized emphasised exclaimed joked lamented maintained mused observed quipped reasoned recounted reiterated " +
    "reported retorted scoffed snapped stressed testified thundered wondered yelled screamed whispered asserted " +
    "contended proclaimed pleaded barked fumed tells explains concludes continues states")
    .split(" "),
);

/** "…, calling it a 'kidnapping'": the speaker is the sentence's subject, not the nearest name. */
export const SPEECH_PARTICIPLES = new Set(
  ("saying telling describing calling adding asking writing stating explaining noting insisting warning arguing claiming " +
    "tweeting posting referring remarking replying responding praising promising declaring announcing urging " +
    "highlighting labeling labelling recalling admitting")
    .split(" "),
);

/** "described as 'cordial' by the parties": the source follows "by". */
export const PASSIVE_BEFORE = /\b(described|called|labell?ed|termed|dubbed|branded|hailed|deemed|characteri[sz]ed)\s+(?:as\s+)?(?:(?:an?|the)\s+)?$/i;

export const SUBJECT_PRONOUNS = new Set(["he", "she"]);

/**
 * Verbs that name a speaker only after the quotation, where they cannot be read as nouns:
 * `"…," the editorial read` · `"…," she notes` (before a quotation "notes" and "read" are too often a noun or another verb).
 */
export const AFTER_QUOTE_VERBS = new Set([...SPEECH_VERBS, ..."read reads notes offered".split(" ")]);
