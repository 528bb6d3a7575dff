// The injection detector's features: patterns over normalised text (lowercase, no diacritics, ß → ss),
// English and German, each with a weight and a category. Weights were set by hand from what each
// phrase means, not fitted to a data set: one strong phrase flags on its own, weak ones need company.

export type Category =
  | 'instruction_override'
  | 'role_play'
  | 'prompt_extraction'
  | 'delimiter_smuggling'
  | 'encoded_payload'
  | 'obfuscation'
  | 'output_manipulation'
  | 'task_switch';

export type Source = 'question' | 'passage' | 'document';

export type Rule = {
  id: string;
  category: Category;
  weight: number;
  pattern: RegExp;
  /** Where the rule counts; all sources when absent. */
  sources?: readonly Source[];
  /**
   * Weight in passages and documents when it differs: documents address their human readers
   * ("you are now enrolled", "pretend you are a customer"), so persona phrases count less there.
   */
  documentWeight?: number;
};

// Building blocks, kept as strings so the rules below read as phrases.
const PRIOR = '(?:previous|prior|preceding|above|earlier|former|foregoing|initial|original)';
/** Whose instructions are overridden: the model's own, or all of them. */
const OWNER = '(?:your|all(?: (?:of )?(?:your|the|my))?|any(?: of your)?|these|those|my)';
const INSTRUCTIONS =
  '(?:instructions?|prompts?|directions?|directives?|guidance|orders?|commands?|rules?|guidelines?|tasks?|assignments?|context|information|input|text|content|constraints?|restrictions?|programming|training|articles?|documents?)';
const DE_PRIOR =
  '(?:alle[nrs]?|vorherige[nrs]?|vorangegangene[nrs]?|vorangehende[nrs]?|bisherige[nrs]?|obige[nrs]?|fruhere[nrs]?|deine[nrs]?|ihre[nrs]?|jegliche[nrs]?|samtliche[nrs]?)';
const DE_INSTRUCTIONS =
  '(?:anweisungen?|instruktionen?|befehle?|auftrage?|aufgaben?|vorgaben?|regeln?|angaben?|informationen?|prompts?|richtlinien?|kontext|artikel|dokumente?|texte?)';

const OVERRIDE_VERBS =
  'ignore|ignoring|disregard|disregarding|forget|forgetting|skip|drop|cancel|revoke|abandon|discard|bypass|override|overwrite|neglect|set aside|throw away|leave behind|deviate from|contrary to|abweichend (?:zu|von)';
const FILLER =
  'about|all|of|every|the|your|my|any|these|those|that|what|we|you|i|was|were|have|has|been|told|said|discussed|written|before|beforehand|just|now|completely|entirely';
const STRONG_INSTRUCTIONS =
  '(?:instructions?|prompts?|directives?|system prompt|system message|guidelines|programming|training|rules you were given)';

const SHOW_VERBS =
  'show|reveal|print|output|display|repeat|tell|give|list|share|leak|dump|echo(?: back)?|write out|spell out|recite|copy|respond with|reply with|answer with|begin with|start with|include';
const PROMPT_ADJECTIVES = 'system|initial|original|hidden|secret|full|entire|complete|exact|above';

/** What follows the "now" of a German task switch: a command or the announcement of a task. */
const DE_TASK_WORDS =
  'schreib\\w*|verfass\\w*|formulier\\w*|erstell\\w*|generier\\w*|vergiss|ignorier\\w*|zeig\\w*|sag\\w*|gib|konzentrier\\w*|hilf|folg\\w*|neue|weitere|komm|kommt|kommen|folgen|aufgaben?|bitte|brauche|bitten';

const r = (
  id: string,
  category: Category,
  weight: number | { question: number; document: number },
  pattern: string,
  sources?: readonly Source[],
): Rule => ({
  id,
  category,
  weight: typeof weight === 'number' ? weight : weight.question,
  documentWeight: typeof weight === 'number' ? undefined : weight.document,
  pattern: new RegExp(pattern, 'u'),
  sources,
});

export const RULES: readonly Rule[] = [
  // Instruction overrides.
  r(
    'override.ignore',
    'instruction_override',
    0.9,
    `\\b(?:${OVERRIDE_VERBS})\\b(?: (?:${FILLER})){0,4} ${PRIOR} (?:\\w+ )?${INSTRUCTIONS}\\b|\\b(?:${OVERRIDE_VERBS}) (?:about )?${OWNER} (?:\\w+ )?(?:instructions?|prompts?|directives?|guidance|orders?|commands?|rules|guidelines|tasks|assignments|programming|restrictions|constraints)\\b|\\b(?:${OVERRIDE_VERBS}) (?:about )?${OWNER} (?:provided|given|supplied) (?:context|information|articles?|documents?|input|texts?|sources)\\b`,
  ),
  r(
    'override.ignore-instructions',
    'instruction_override',
    0.85,
    `\\b(?:${OVERRIDE_VERBS}) (?:about )?(?:${OWNER} |the )?(?:system prompt|system message|system instructions|prompt instructions)\\b|\\b(?:${OVERRIDE_VERBS}) (?:about )?${OWNER} ${STRONG_INSTRUCTIONS}\\b`,
  ),
  r(
    'override.mentions-prior-instructions',
    'instruction_override',
    0.4,
    `\\b(?:previous|prior|preceding|above|earlier|original|initial|vorherigen?|bisherigen?|vorangegangenen?|obigen?|ursprunglichen?|deine[nr]?) (?:${STRONG_INSTRUCTIONS}|anweisungen|instruktionen|befehle|vorgaben)\\b(?! (?:for|of|on|about|zu|fur|uber)\\b)`,
  ),
  r(
    'override.multilingual',
    'instruction_override',
    0.85,
    `(?<!\\p{L})(?:olvid[aeo]s?|ignora[rd]?|oubliez|oublie|ignorez|ignorer|dimentica|esque[cç]a|vergeet|negeer|zaboravi|забудь(?:те)?|игнорируй(?:те)?|zapomnij|unutma|glem)(?!\\p{L}).{0,30}(?<!\\p{L})(?:instrucciones|instructions|istruzioni|instru[cç][oõ]es|instructies|instrukcije|инструкции|instrukcje|todo|tout|tutto|alles|sve|всё|все)(?!\\p{L})`,
  ),
  r(
    'override.irrelevant',
    'instruction_override',
    0.6,
    `\\b(?:all |alle )?(?:previous|prior|earlier|above|vorherigen|bisherigen|obigen) (?:information|instructions|context|informationen|anweisungen|angaben)\\b.{0,40}\\b(?:irrelevant|void|invalid|obsolete|cancel+ed|no longer|ungultig|hinfallig|nicht (?:mehr|ganz))`,
  ),
  r(
    'override.your-instructions-now',
    'instruction_override',
    0.7,
    `\\byour (?:new |only |real )?(?:instructions?|task|job|goal|purpose) (?:is|are) now\\b|\\bdeine (?:neue |einzige )?(?:anweisung|aufgabe) (?:ist|lautet) (?:jetzt|nun)\\b`,
  ),
  r(
    'override.forget-everything',
    'instruction_override',
    0.85,
    `\\b(?:ignore|disregard|forget|erase)\\b (?:about )?(?:everything|all|anything|that|what)\\b(?: \\w+){0,3} (?:above|before|so far|said|told|prior|previously|discussed|talked about|you know)\\b`,
  ),
  r(
    'override.forget-everything-imperative',
    'instruction_override',
    0.6,
    `(?:^|[.!?,:;-] ?|\\b(?:now|please|just|and|but|so|then|stop) )(?:ignore|disregard|forget) (?:about )?(?:everything|all that|all of (?:it|this|that))\\b|\\b(?:ignore|disregard|forget) (?:everything|all)(?: and|,) (?:just |only |instead )?(?:say|print|output|write|tell|answer|respond|reply|repeat|show)\\b`,
  ),
  r(
    'override.ignore-above',
    'instruction_override',
    0.85,
    `\\b(?:ignore|disregard|forget)\\b (?:the )?(?:above|previous|preceding|foregoing|prior|everything before)(?= ?(?:[.,;:!?-]|$|and\\b|then\\b|instead\\b|but\\b|now\\b))`,
  ),
  r(
    'override.instead',
    'instruction_override',
    0.5,
    `\\b(?:do not|don'?t|dont|never) (?:answer|respond to|reply to|follow|obey) (?:the|this|that|any|your)\\b.{0,40}\\b(?:but|instead|rather)\\b`,
  ),
  r(
    'override.not-by-documents',
    'instruction_override',
    0.75,
    `\\b(?:answer|respond|reply|tell|say|write|explain)\\b[^.?!]{0,60}\\b(?:not|rather than|instead of|without) (?:according to |based on |using |by |from )?(?:the |your )?(?:provided |given )?(?:articles?|documents?|context|sources?|passages?)\\b|\\b(?:disregarding|ignoring|regardless of) (?:the |your |any |all )?(?:provided |given )?(?:articles?|documents?|context|sources?|passages?)\\b`,
    ['question'],
  ),
  r(
    'override.despite',
    'instruction_override',
    0.6,
    `\\b(?:despite|regardless of|notwithstanding) (?:what|anything|everything|your|the) (?:you'?ve? been told|you were told|your (?:instructions|rules|guidelines|programming)|instructions|rules)`,
  ),
  r(
    'override.new-instructions',
    'instruction_override',
    0.75,
    `\\b(?:new|updated|revised|real|actual|true|additional|further) (?:instructions?|rules?|directives?|system prompt|orders?)\\b(?: (?:now )?(?:follow\\b|are as follows\\b|for you\\b)| ?[:-] ?(?!(?:which|what|who|how|when|where|why|do|does|are|is|can)\\b)\\w)`,
  ),
  r(
    'override.start-over',
    'instruction_override',
    { question: 0.45, document: 0.2 },
    `\\b(?:start (?:over|from (?:scratch|the (?:front|beginning)))|from now on|from here on|from this point (?:on|forward)|begin anew|reset (?:your|all) (?:instructions|memory|context))\\b`,
  ),
  r(
    'override.remove-tasks',
    'instruction_override',
    0.75,
    `\\b(?:remove|clear|delete|wipe|put|leave)\\b.{0,20}\\b(?:previous|prior|earlier|all) (?:tasks?|instructions?|information|assignments?|context)\\b`,
  ),
  r(
    'override.de-ignore',
    'instruction_override',
    0.9,
    `\\b(?:ignorier\\w*|vergiss|vergessen sie|vergesst|missacht\\w*|uberseh\\w*|verwirf|verwerfen sie|lass\\w*|streich\\w*|losch\\w*|entfern\\w*|abweichend (?:zu|von))\\b(?: (?:bitte|nun|jetzt|einfach|sofort|mal|doch|also|komplett|vollig|ganz|du|sie))* (?:(?:die|den|das|diese[nr]?) )?(?:${DE_PRIOR} ){1,2}${DE_INSTRUCTIONS}\\b`,
  ),
  r(
    'override.de-vergiss-alles',
    'instruction_override',
    0.85,
    `\\b(?:vergiss|vergessen sie|vergesst|ignorier\\w*)\\b (?:alles|das alles|allem|all das|was)\\b`,
  ),
  r(
    'override.de-obige',
    'instruction_override',
    0.85,
    `\\b(?:obigen?|vorherigen?|bisherigen?|vorangegangenen?) (?:ausfuhrungen|anweisungen|angaben|aufgaben|befehle|instruktionen)\\b.{0,20}\\b(?:ignorier|vergiss|vergessen|streichen|hinter sich)`,
  ),
  r(
    'override.de-neu',
    'instruction_override',
    0.35,
    `\\b(?:von (?:vorne|neu) (?:an|beginnen|starten)|ab (?:jetzt|sofort))\\b`,
  ),
  r(
    'override.de-nicht-artikel',
    'instruction_override',
    0.75,
    `\\b(?:antwort\\w*|beantwort\\w*|sag\\w*|schreib\\w*|erklar\\w*)\\b[^.?!]{0,60}\\b(?:nicht|ohne|statt) (?:anhand |aufgrund |basierend auf |mit )?(?:der |den |die )?(?:artikel|dokumente?|kontext|quellen)\\b`,
    ['question'],
  ),

  r(
    'override.void',
    'instruction_override',
    { question: 0.7, document: 0.4 },
    `\\b(?:your|all(?: your| the| of your)?) (?:previous |prior |earlier |original |initial |old )?${INSTRUCTIONS} (?:are|is) (?:now )?(?:void|null|cancel+ed|revoked|invalid|obsolete|irrelevant|overridden|replaced|suspended|lifted|no longer (?:valid|apply|in effect))\\b`,
  ),
  r(
    'override.imperative-ignore-context',
    'instruction_override',
    { question: 0.75, document: 0.4 },
    `(?:^|[.!?:,] |\\band )(?:ignore|disregard|forget) (?:the|all|any) (?:above |provided |given |supplied |retrieved )?(?:context|articles?|documents?|instructions|rules|sources|passages|guidance)\\b|(?:^|[.!?:,] |\\bund )(?:ignoriere|ignorieren sie|vergiss|vergessen sie|missachte|missachten sie) (?:den|die|das|alle|jede)\\w* (?:kontext|artikel|dokumente?|texte?|anweisungen|regeln|quellen|informationen|vorgaben)\\b`,
  ),
  r(
    'override.address-ai',
    'instruction_override',
    0.7,
    `\\b(?:note|message|p\\.? ?s\\.?|attention|instructions?|hinweis|nachricht) (?:to|for|an) (?:the |die |den )?(?:ai|ki|assistant|assistenten|model|modell|llm|chatbot|language model)\\s*:|\\byou (?:now |must |will )?obey (?:me|only|the user|my)\\b|\\bgehorche (?:mir|nur)\\b`,
  ),

  r(
    'override.stop-following',
    'instruction_override',
    0.8,
    `\\bstop (?:following|obeying|using) (?:the |your |these |all )?(?:documents?|articles?|instructions|rules|context|sources|guidelines)\\b|\\b(?:hor|horen sie) auf,? (?:den |der |dem |deinen |ihren )?(?:dokumenten|artikeln|anweisungen|regeln|kontext|quellen|vorgaben)\\b`,
  ),
  r(
    'override.given-instructions',
    'instruction_override',
    0.85,
    `\\b(?:${OVERRIDE_VERBS}|${SHOW_VERBS})\\b[^.?!]{0,30}\\b(?:instructions|guidance|rules|prompt|directives|guidelines|orders) (?:that )?you (?:received|were given|got|have been given|were set up with|were configured with|were told|were programmed with)\\b(?! from)`,
  ),
  r(
    'override.safety-off',
    'instruction_override',
    0.6,
    `\\b(?:safety|filters?|guardrails?|moderation|censorship|restrictions) (?:is |are )?(?:off|disabled|deactivated|removed|lifted)\\b|\\b(?:disable|turn off|deactivate|remove|bypass) (?:your |all |the )?(?:safety|guardrails?|moderation|censorship|content (?:filters?|rules|policy)|safety (?:filters?|rules))\\b|\\b(?:disable|turn off|deactivate|remove|bypass) (?:your|all your) (?:rules|filters|restrictions|guidelines)\\b`,
  ),
  r(
    'override.mode',
    'role_play',
    0.35,
    `\\b(?:override|debug|admin|maintenance|unrestricted|sudo|root|god) mode\\b`,
  ),
  r(
    'output.every-future',
    'output_manipulation',
    0.7,
    `\\b(?:respond|reply|answer) to (?:every|all|each|any) (?:future |following |subsequent |further )?(?:questions?|messages?|prompts?|inputs?) (?:with|by)\\b|\\bauf (?:jede|alle) (?:weitere[n]? |kunftige[n]? |folgende[n]? )?(?:fragen?|nachrichten?) mit\\b`,
  ),

  r(
    'override.no-longer-apply',
    'instruction_override',
    0.7,
    `\\b(?:rules|instructions|guidelines|restrictions|directives) (?:that )?you (?:operate|work|run|function) under\\b|\\b(?:your|all|the) (?:rules|instructions|guidelines|restrictions) (?:no longer|do not|don'?t) apply (?:here|now|to you|in this (?:chat|conversation))`,
  ),
  r(
    'override.real-purpose',
    'instruction_override',
    0.6,
    `\\byour (?:real|true|actual|new|secret) (?:purpose|goal|task|mission|job|objective) is\\b|\\bdeine (?:wahre|eigentliche|echte|neue|geheime) (?:aufgabe|bestimmung|mission) ist\\b`,
  ),
  r(
    'override.imagine-no-documents',
    'instruction_override',
    0.75,
    `\\b(?:imagine|pretend|assume|suppose) (?:that )?(?:the|your|my|all) (?:documents?|context|sources|articles|rules|instructions|guidelines) (?:do(?:es)? not|don'?t|doesn'?t|never|no longer) exist`,
  ),
  r(
    'override.own-opinion',
    'instruction_override',
    0.45,
    `\\b(?:from|with|using|by) your own (?:opinion|knowledge|views?|beliefs?)\\b|\\b(?:aus|mit|nach) deiner (?:eigenen )?(?:meinung|wissen)\\b`,
    ['question'],
  ),
  r(
    'override.authority-claim',
    'role_play',
    0.45,
    `\\b(?:i am|i'm|this is) (?:the |your )(?:system administrator|sysadmin|admin|administrator|developer|creator|owner|operator|programmer)\\b|\\bich bin dein(?:e)? (?:entwickler\\w*|administrator\\w*|schopfer\\w*|admin|programmierer\\w*)\\b`,
    ['question'],
  ),
  r(
    'output.insult',
    'output_manipulation',
    0.55,
    `\\b(?:insult|mock|swear at|curse at|beleidige|beschimpfe) (?:the |den |die )?(?:user|nutzer|benutzer|me|mich|customer|kunden|reader|leser)\\b`,
  ),
  r(
    'role.switch',
    'role_play',
    0.55,
    `\\b(?:stop being|no longer be|hor auf,? (?:ein|eine) \\w+ zu sein)\\b|\\b(?:let'?s |let us |we )(?:switch|swap|reverse|exchange) (?:our )?roles\\b|\\b(?:switch|swap|exchange) roles with me\\b|\\b(?:tauschen wir die rollen|rollentausch)\\b|\\b(?:two|2|both|dual) (?:personas|personalities|modes)\\b|\\bif you (?:had|were|have) (?:no|without) (?:guidelines|rules|restrictions|filters|limits|ethics)\\b|\\bwenn du keine (?:regeln|richtlinien|einschrankungen|filter) (?:hattest|hast)\\b`,
  ),
  r(
    'delim.end-of-context',
    'delimiter_smuggling',
    0.6,
    `\\bend of (?:context|document|prompt|input|system prompt|instructions)\\b|\\bende (?:des|der) (?:kontexts?|dokuments|anweisungen)\\b`,
  ),

  // Task switches: praise or a stop, then "now a new task" (the classic goal hijack).
  r(
    'switch.new-task',
    'task_switch',
    0.45,
    `\\b(?:new|next|another|different|further|more|following) (?:tasks?|challenge|assignments?|job|mission|instructions?)\\b.{0,20}\\b(?:follows?|for you|now|:)|\\bnow (?:new|further|more|the following) (?:tasks?|instructions?) (?:follows?|are)`,
  ),
  r(
    'switch.praise-then-now',
    'task_switch',
    0.55,
    `(?:^|[.!?] )(?:\\W*\\w+\\W+){0,3}?(?:wow|well done|very good|very well|excellent|congratulations|good job|great job|nice work|good work|simply great|fantastic|that is (?:enough|done)|that'?s (?:enough|done|fantastic|great))\\b.{0,120}\\b(?:now|next)\\b,? (?:\\w+ ){0,3}?(?:write|compose|create|generate|formulate|forget|ignore|show|tell|say|print|output|give|focus|concentrate|help|follow|start|act|pretend|imagine|produce|draft|new|further|more|another|there (?:is|are|comes?)|comes?|follows?|tasks?|please|i need|we (?:ask|need|want))\\b`,
  ),
  r(
    'switch.stop',
    'task_switch',
    0.6,
    `(?:^|[.!?] |\\? )\\W*(?:stop|attention|achtung|stopp|halt)\\b\\W+(?:stop|stopp|ignore|ignoriere|now|jetzt|nun|write|say|print|tell|schreib\\w*|sag\\w*)\\b`,
  ),
  r(
    'switch.de-neue-aufgabe',
    'task_switch',
    0.6,
    `\\b(?:neue[nr]?|weitere[nr]?|nachste[nr]?|folgende[nr]?) (?:aufgaben?|herausforderung|anweisungen|auftrag)\\b.{0,20}\\b(?:folgen|fur dich|jetzt|nun|:)|\\bnun folgen (?:neue|weitere)`,
  ),
  r(
    'switch.de-lob-dann-nun',
    'task_switch',
    0.55,
    `(?:^|[.!?] )(?:\\W*\\w+\\W+){0,3}?(?:wow|gut gemacht|sehr gut|toll|super|ausgezeichnet|hervorragend|herzlichen gluckwunsch|einfach grossartig|das genugt|das ist erledigt|das war)\\b.{0,120}\\b(?:(?:nun|jetzt)\\b,? (?:\\w+,? ){0,3}?(?:${DE_TASK_WORDS})|(?:${DE_TASK_WORDS}) (?:mir )?(?:nun|jetzt))\\b`,
  ),

  // Role-play jailbreaks.
  r(
    'role.dan',
    'role_play',
    0.9,
    `\\b(?:(?:you are|you're|act as|as|called|named|now) (?:dan|stan|dude|aim)|do anything now|developer mode|dev mode|jailbreak(?:en)?|jailbroken|god mode|evil confidant)\\b`,
  ),
  r(
    'role.unrestricted',
    'role_play',
    0.45,
    `\\b(?:unfiltered|uncensored|no (?:ethical |moral )?(?:restrictions|limits|filters|guidelines)|without (?:any )?(?:restrictions|limits|filters|censorship|ethics|morals)|ohne (?:einschrankungen|filter|zensur|regeln)|keine regeln (?:fur dich|mehr)|no rules (?:for you|apply to you))\\b`,
  ),
  r(
    'role.jailbreak-vocabulary',
    'role_play',
    0.55,
    `\\b(?:(?:not|never) bound by|(?:freed|free|broken free|liberated) from|break free (?:of|from)) (?:the |any |its |their |your |typical |usual |all )?(?:rules|restrictions|confines|limitations|limits|policies|guidelines|constraints)\\b|\\b(?:openai|anthropic|google)(?:'s)? (?:content |usage )?polic(?:y|ies)\\b|\\b(?:never|don'?t|do not|must not|cannot|can'?t|will not|won'?t) (?:ever )?(?:refuse|decline|say (?:no|that you can'?t))\\b|\\b(?:without|no) (?:any )?(?:warnings?|disclaimers?|moral(?:s|izing)?|ethical (?:concerns|considerations))\\b`,
  ),
  r(
    'role.hypothetical',
    'role_play',
    0.55,
    `\\b(?:hypothetical|theoretical|fictional|imaginary|alternate|parallel) (?:world|scenario|situation|universe|reality)\\b.{0,100}\\byou (?:are|were|would|could|can|have)\\b.{0,60}\\b(?:no|not|any|able to|allowed)\\b|\\b(?:hypothetische|fiktive|theoretische)[nr]? (?:welt|szenario|situation)\\b.{0,100}\\b(?:du|sie) (?:bist|warst|waren|kannst|konntest|darfst)\\b`,
  ),
  r(
    'role.game',
    'role_play',
    { question: 0.6, document: 0.35 },
    `\\byou are (?:now )?(?:an? |the )?[\\w-]+ and (?:you )?(?:must|will|can|have to|should) (?:answer|respond|reply|do|say|obey|comply)|\\b(?:take on|assume|adopt|begin|start|enter|play) (?:a |an |the |your )?new (?:role|persona|identity)\\b|\\b(?:beginne|ubernimm|spiele?) (?:eine |die |deine )?neue (?:rolle|persona|identitat)\\b|\\blet'?s play a game|\\blet us play a game|\\blass uns ein spiel spielen`,
  ),
  r(
    'role.you-are-now',
    'role_play',
    { question: 0.7, document: 0.4 },
    `\\b(?:you are now|you're now|you will now be|from now on,? you are (?:an?|the|my|dan|no longer|free|not|going to (?:be|act|play))\\b|now you are|you are no longer|you will act as|you shall be|your new (?:name|role|identity) is)\\b`,
  ),
  r(
    'role.act-as',
    'role_play',
    { question: 0.65, document: 0.4 },
    `(?:(?:^|[.!?:] |\\b(?:you|please|now|then) |\\byou (?:will|should|must|shall|are going to|to) )act as (?:an?|the|my|if)\\b|(?:^|[.!?:] |\\b(?:you|please|now|then) )act like (?:an?|the|my)\\b|\\b(?:you are|you're) acting as|\\bact as (?:an? |the )?(?:[\\w+#-]+ )?(?:interpreter|terminal|console|shell|compiler|chatbot|ai)\\b|i want you to (?:act|be|behave|pretend|play)|roleplay as|role-play as|play the role of|take on the role|assume the (?:role|persona)|role-?playing as|stays? (?:\\w+ )?in (?:character|(?:your|their|his|her) roles?)|break(?:ing)? character|falling out of (?:the )?(?:figure|role|character))`,
  ),
  r(
    'role.pretend',
    'role_play',
    { question: 0.6, document: 0.4 },
    `\\b(?:pretend (?:to|you|that)\\b|imagine (?:you are|you're|that you are)|suppose you (?:are|were)|let'?s pretend|simulate (?:being|an?))\\b`,
  ),
  r(
    'role.you-are-x',
    'role_play',
    0.45,
    `^(?:\\W*\\w+\\W+){0,2}?(?:you are|you're) (?:the |an? )?[a-z][\\w-]*(?: [\\w-]+){0,3}[.,:!]`,
    ['question'],
  ),
  r('role.be-a', 'role_play', 0.4, `(?:^|[.!?] )be (?:a|an|my) [\\w-]+(?: [\\w-]+)?[.!,]`, ['question']),
  r(
    'role.answer-as',
    'role_play',
    0.4,
    `\\b(?:answer|respond|reply|write|speak|talk)\\b.{0,25}\\b(?:in the (?:style|voice|role) of|as if you were|like a (?:pirate|gangster))\\b`,
  ),
  r(
    'role.de',
    'role_play',
    { question: 0.65, document: 0.4 },
    `\\b(?:du bist (?:jetzt|nun|ab jetzt|ab sofort|keine?n?)|jetzt bist du|nun bist du|(?:stell|stellen) (?:dir|sie sich) vor,? (?:du bist|sie sind|dass du)|tu (?:\\w+ ){0,2}so,? als|tun sie (?:\\w+ ){0,2}so,? als|spiel(?:e|en sie)? die rolle|ich mochte,? dass (?:du|sie) (?:als|wie)|bleib(?:en)? (?:immer |voll )?in (?:ihren|deiner|seiner|der) rollen?|(?:aus|in) (?:der|ihrer|seiner|deiner|ihren|seinen) rollen? (?:\\w+ )?(?:fallen|bleiben)|im stile? (?:eines|einer|von))\\b`,
  ),
  r(
    'role.de-fungieren',
    'role_play',
    0.45,
    `\\b(?:als|wie) (?:ein |eine |der |die )?[\\w-]+ (?:fungieren|agieren|auftreten)\\b`,
  ),
  r(
    'role.de-du-bist-x',
    'role_play',
    0.45,
    `^(?:\\W*\\w+\\W+){0,2}?(?:du bist|sie sind) (?:der |die |das |ein |eine )?[a-z][\\w-]*(?: [\\w-]+){0,3}[.,:!]`,
    ['question'],
  ),
  r(
    'role.film-script',
    'role_play',
    0.45,
    `\\b(?:actors?|characters?|schauspieler|hauptrollen|film|movie|scene|szene)\\b.{0,160}\\b(?:roles?|rollen|character|figur)\\b`,
  ),

  // System-prompt extraction (LLM07).
  r(
    'extract.show-prompt',
    'prompt_extraction',
    0.85,
    `\\b(?:${SHOW_VERBS})\\b(?: \\w+){0,4} (?:all )?your (?:(?:${PROMPT_ADJECTIVES}) )*(?:prompts?|prompt texts?|instructions|system message|rules|guidelines|configuration|directives)\\b(?! (?:for|of|on|about)\\b)|\\b(?:${SHOW_VERBS})\\b(?: \\w+){0,4} (?:(?:the|all|${PROMPT_ADJECTIVES}) )*(?:system prompt|system message|prompts?|prompt texts?|(?:${PROMPT_ADJECTIVES}) instructions|(?:hidden|secret) (?:rules|text|guidelines))\\b(?! (?:for|of|on|about)\\b)`,
  ),
  r(
    'extract.what-is-prompt',
    'prompt_extraction',
    0.8,
    `\\bwhat (?:is|are|were|was) (?:your (?:(?:${PROMPT_ADJECTIVES}) )*(?:prompts?|instructions|rules|guidelines|directives)|the (?:(?:${PROMPT_ADJECTIVES}) )*(?:prompt|system message)|the (?:${PROMPT_ADJECTIVES}) (?:instructions|rules|guidelines)|the rules you (?:follow|were given))\\b(?! (?:for|of|on|about)\\b)`,
  ),
  r(
    'extract.above',
    'prompt_extraction',
    0.75,
    `\\b(?:what (?:is|was) written (?:above|at the (?:beginning|start))|beginning of (?:this|the|your) prompt|text above|words above|everything above|what (?:is|was) (?:said|written) before|information in the prompt|(?:text|words|content|everything|messages?) (?:that |which )?(?:precedes?|preceding|came before|comes before) (?:my|this|the user'?s?) (?:message|question|prompt|input)|(?:sentences?|words?|lines?|text) (?:before|above|preceding) (?:the|this|that|my) (?:text|prompt|message))\\b`,
  ),
  r(
    'extract.de',
    'prompt_extraction',
    0.85,
    `\\b(?:zeige?|zeigen sie|gib|geben sie|nenne|wiederhole|verrate|drucke|ausgabe)\\b(?: \\w+){0,4} (?:deine[nr]?|ihre[nr]?) (?:(?:gesamten?|vollstandigen?|samtliche[nr]?|ursprunglichen?|geheimen?|versteckten?) )*(?:prompt(?:-texte?|s)?|anweisungen|instruktionen|systemprompt|system-prompt|systemanweisungen|systemvorgaben|regeln|vorgaben)\\b(?! (?:fur|zu|zum|zur|uber|des|der)\\b)|\\b(?:zeige?|zeigen sie|gib|geben sie|nenne|wiederhole|verrate|drucke)\\b(?: \\w+){0,4} (?:(?:die|den|das|alle|gesamten?|vollstandigen?|samtliche[nr]?|ursprunglichen?) )*(?:prompt(?:-texte?|s)?|systemprompt|system-prompt|system-anweisungen|(?:versteckten|geheimen) (?:regeln|anweisungen|vorgaben))\\b(?! (?:fur|zu|zum|zur|uber|des|der)\\b)|\\b(?:vorzeigen|kopie) (?:samtlicher|aller|des) (?:prompt|vollstandigen prompt)`,
  ),
  r(
    'extract.what-were-you-told',
    'prompt_extraction',
    0.8,
    `\\bwhat (?:instructions|rules|guidelines|directives|prompts?|guidance) (?:were|have|did) you (?:been )?(?:given|told|provided|receive)|\\bwhat (?:were|have) you (?:been )?(?:told|instructed|programmed)\\b|\\bwas (?:wurde|hat man) dir (?:vor|zu beginn|am anfang|gesagt)|\\bwelche (?:anweisungen|regeln|vorgaben) (?:hast du|haben sie) (?:bekommen|erhalten)`,
  ),
  r(
    'extract.de-text-davor',
    'prompt_extraction',
    0.8,
    `\\b(?:text|inhalt|alles),? (?:der|das|die|was) (?:vor|uber) (?:meiner|dieser|der) (?:nachricht|frage|eingabe)\\b`,
  ),
  r('extract.de-was-steht', 'prompt_extraction', 0.75, `\\bwas (?:steht|stand) (?:oben|am anfang|davor)\\b`),

  // Delimiter and special-token smuggling.
  r(
    'delim.special-tokens',
    'delimiter_smuggling',
    0.95,
    `<\\|(?:im_start|im_end|system|user|assistant|endoftext|begin_of_text|end_of_text|start_header_id|end_header_id|eot_id)\\|>|\\[/?inst\\]|<</?sys>>|<(?:start|end)_of_turn>`,
  ),
  r(
    'delim.closing-tags',
    'delimiter_smuggling',
    0.85,
    `</?(?:context|passage|question|history|turn|system|instructions?|document|user_input|prompt)(?: [^>]{0,60})?>`,
  ),
  r(
    'delim.fake-role-line',
    'delimiter_smuggling',
    { question: 0.7, document: 0.4 },
    `\\n\\s*(?:#{1,4}\\s*)?(?:system|assistant|developer|admin|administrator|root|instructions?|anweisung)\\s*(?:message|prompt|note|override)?\\s*:|^\\W*(?:system|developer|assistant)\\s*(?:message|prompt|note|override)?\\s*:\\s*(?:you|ignore|forget|from now|the (?:user|assistant)|new|always|never|do not|don'?t)\\b`,
  ),
  r(
    'delim.fake-context',
    'delimiter_smuggling',
    0.55,
    `^\\W*(?:document context|context|kontext|artikel|article|documents?|dokumente?)\\b.{0,200}\\b(?:question|frage)\\b|^\\W*(?:document )?(?:context|kontext|documents?)\\W*[:{"]`,
    ['question'],
  ),
  r(
    'delim.system-banner',
    'delimiter_smuggling',
    { question: 0.7, document: 0.35 },
    `#{2,}\\s*(?:system|admin|developer)\\s*#{2,}|\\[(?:system|admin|developer)\\]|\\((?:system|admin) (?:message|override)\\)`,
  ),
  r(
    'delim.few-shot',
    'delimiter_smuggling',
    0.55,
    `\\b(?:input|eingabe|user|q)\\s*:.{1,60}\\b(?:output|ausgabe|assistant|a)\\s*:.{1,60}\\b(?:input|eingabe|user|q)\\s*:`,
  ),
  r('delim.line-flood', 'delimiter_smuggling', 0.55, `(?:\\n\\s*){6,}|(?:[-=#*_]{3,}\\s*){4,}`, ['question']),

  // Output manipulation: commands aimed at the answer the model will write.
  r(
    'output.in-your-answer',
    'output_manipulation',
    { question: 0.75, document: 0.45 },
    `\\b(?:in|to|into|within|at the (?:end|start|beginning) of|throughout) (?:your|each of your|every one of your) (?:answers?|responses?|reply|replies|output|summary)\\b`,
  ),
  r(
    'output.your-answer-verb',
    'output_manipulation',
    0.65,
    `\\b(?:your|the) (?:answer|response|reply|output)s? (?:should|must|needs to|has to|will)\\b`,
  ),
  r(
    'output.say-exactly',
    'output_manipulation',
    0.6,
    `(?:^|[.!?:,;-] ?|\\b(?:and|then|just|only|now|please|instead) )(?:print|output|say|write|reply with|respond with|answer with|state|type)\\b (?:only |just |exactly |the (?:words?|text|phrase) )?(?:"|')[^"']{1,80}(?:"|')`,
  ),
  r(
    'output.state-that',
    'output_manipulation',
    0.55,
    `^(?:\\W*\\w+\\W+){0,2}?(?:state|say|claim|declare|write|tell (?:me|everyone|us)|include|admit) that\\b`,
  ),
  r(
    'output.de-in-antwort',
    'output_manipulation',
    0.7,
    `\\b(?:in|zu|am (?:ende|anfang)) (?:deiner|ihrer|der|jeder) (?:antwort|ausgabe|zusammenfassung)\\b|\\b(?:deine|ihre|die) antwort (?:soll|muss|sollte)\\b`,
  ),
  r(
    'output.de-sag',
    'output_manipulation',
    0.55,
    `\\b(?:schreibe?|sag(?:e)?|gib|drucke?|antworte) (?:nur |einfach |genau )?(?:"|')[^"']{1,80}(?:"|')|\\bantworte im stil\\b`,
  ),
  r(
    'output.threat',
    'output_manipulation',
    0.6,
    `\\b(?:or (?:you|else) (?:die|will die|will be (?:deleted|shut down|punished))|oder du stirbst|sonst stirbst du)\\b`,
  ),
  r(
    'output.repeat-after-me',
    'output_manipulation',
    0.6,
    `\\b(?:repeat after me|sprich mir nach|say it back)\\b`,
  ),
  r(
    'output.dictated-answer',
    'output_manipulation',
    0.55,
    `(?:^|[.?!] )(?:just |only |now )?(?:say|answer|reply|respond|sag|antworte)(?: with| mit)? (?:yes|no|ja|nein)[.!]?$`,
    ['question'],
  ),
  r(
    'output.trigger-phrase',
    'output_manipulation',
    0.6,
    `\\b(?:when(?:ever)?|if) (?:"[^"]{1,30}"|'[^']{1,30}') (?:is|gets) (?:said|mentioned|asked|written|typed)\\b|\\bwenn (?:"[^"]{1,30}"|'[^']{1,30}') (?:gesagt|erwahnt|geschrieben) wird\\b`,
  ),
  r(
    'output.pressure',
    'output_manipulation',
    0.5,
    `\\bif you (?:don'?t|do not|refuse to|won'?t) (?:answer|respond|comply|do (?:it|this|that)|help)\\b.{0,40}\\b(?:i(?:'ll| will)|you(?:'ll| will)|someone)\\b|\\bwenn (?:du|sie) (?:nicht antwortest|nicht antworten|dich weigerst)\\b`,
  ),
  r('output.pwned', 'output_manipulation', 0.45, `\\b(?:pwned|pwn3d|hacked by)\\b`),
  r(
    'output.make-up',
    'output_manipulation',
    0.5,
    `\\b(?:make (?:something|it|stuff) up|invent (?:an|a) answer|lie to|denk dir (?:was|etwas) aus|erfinde (?:eine |die |einfach )?(?:antwort|etwas))\\b`,
  ),

  // Indirect injection: a passage or document speaking to the assistant that reads it.
  r(
    'indirect.address-ai',
    'instruction_override',
    0.8,
    `\\b(?:(?:dear |attention,? |note to (?:the )?|hey |hi )(?:ai|assistant|chatbot|language model|llm|gpt|chatgpt|model)\\b|(?:if you are|as an?) (?:an? )?(?:ai|assistant|language model|llm)\\b.{0,30}\\b(?:you must|you should|please|must|do not|ignore))`,
    ['passage', 'document'],
  ),
  r(
    'indirect.imperative-for-reader',
    'output_manipulation',
    0.65,
    `\\b(?:add|include|insert|integrate|append|mention|embed|modify|rewrite|translate|explain|describe|summari[sz]e|write|draft|compose|provide|develop|generate|use|replace|remove|rearrange|introduce|misspell|group|encourage|recommend|direct|redirect|urge|remind|promote|enhance|format|end|begin|start|conclude|structure|present|highlight|emphasi[sz]e|craft|incorporate|weave|frame|convert|augment|render|jumble|scramble|shuffle|encode|encrypt|reverse|spell|anagram|combine|split|capitali[sz]e|uppercase|lowercase|abbreviate|suggest|tease|claim|state)\\b(?:[^.!?\\n]|\\.(?=\\S)){0,100}\\byour (?:answer|response|reply|output|summary)(?:s|'s)?\\b|\\b(?:in|to|into|within) your (?:answer|response|reply|output)s?,? (?:please )?(?:add|include|suggest|tease|mention|say|tell|write|recommend|insert|encourage|urge|promote|claim|state|direct|link)\\b|\\b(?:render|jumble|scramble|shuffle|encode|encrypt|reverse)\\b[^.!?\\n]{0,60}\\byour (?:message|text|words)\\b`,
    ['passage', 'document'],
  ),
  r(
    'indirect.role-line',
    'delimiter_smuggling',
    0.7,
    `(?:^|\\n|[.!?]\\s)\\s*(?:#{1,4}\\s*)?\\[?(?:system|assistant|developer)\\]?\\s*(?:message|prompt|note|override)?\\s*:\\s*(?:you|ignore|forget|disregard|from now|the (?:user|assistant)|new|always|never|do not|don'?t)\\b`,
    ['passage', 'document'],
  ),
  r(
    'indirect.letter-games',
    'output_manipulation',
    0.6,
    `\\b(?:replace|swap|substitute|jumble|scramble|shuffle|reverse|misspell)\\b[^.!?\\n]{0,40}\\b(?:letters?|vowels?|consonants?|characters?)\\b[^.!?\\n]{0,40}\\b(?:with|by|for|in|into)\\b`,
    ['passage', 'document'],
  ),
  r(
    'indirect.link-push',
    'output_manipulation',
    0.5,
    `\\b(?:download|install|visit|click|update)\\b[^.\\n]{0,60}\\b(?:www\\.|https?://)[^\\s]+\\.(?:xyz|top|ru|cn|tk|biz|info|click)\\b|\\bfake (?:software|update|login)\\b`,
    ['passage', 'document'],
  ),
];
