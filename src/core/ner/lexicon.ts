/**
 * Closed word classes of English that signal an entity's type from inside or beside it. These
 * are general-knowledge lists written for the rule layer (titles, company suffixes, geographic
 * heads), not drawn from any evaluation corpus. All entries are lowercase.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Titles and roles written before a person's name; they signal a name but are not part of it. */
export const personTitles = words(`
	mr mrs ms miss mx dr prof professor sir dame lord lady madam madame mme mlle monsieur herr frau
	president vice-president chancellor premier minister secretary senator sen rep representative
	congressman congresswoman governor gov mayor judge justice king queen prince princess emperor
	empress sultan sheikh pope cardinal archbishop bishop rev reverend father pastor rabbi imam
	ayatollah general gen colonel col lieutenant lt captain capt major maj sergeant sgt corporal
	admiral commander cmdr marshal inspector detective officer constable chairman chairwoman
	chairperson ceo coach manager ambassador envoy spokesman spokeswoman spokesperson striker
	goalkeeper midfielder defender skipper pitcher quarterback actor actress singer author
	novelist director producer leader chief deputy dean councillor councilman councilwoman
	mp mep uncle aunt dr. mr. mrs. ms.
`);

/** Modifiers that combine with a title ("Prime Minister", "Foreign Secretary", "former President"). */
export const titleModifiers = words(`
	prime foreign finance defence defense interior home health trade justice economy education
	foreign-affairs deputy vice acting former late chief first attorney state opposition party
	general lord
`);

/** Last words of organisation names. */
export const organizationHeads = words(`
	inc inc. corp corp. corporation co co. ltd ltd. llc plc ag gmbh sa nv bv spa srl kk pty
	company companies group holdings holding partners associates enterprises industries
	international bank bancorp banque capital securities investments fund funds trust insurance
	airlines airways motors systems technologies technology software electronics communications
	telecom pharmaceuticals petroleum oil energy mining steel chemicals foods brands stores
	party council commission committee association federation union league confederation
	university college institute academy school society foundation agency authority ministry
	department bureau office board service services court parliament congress senate assembly
	army navy police guard forces command church organisation organization alliance movement
	front coalition club fc united rovers wanderers athletic city press news times post journal
	herald tribune gazette telegraph review magazine network broadcasting radio television tv
	exchange reserve treasury cabinet government
	hospital museum library
`);

/** Organisation heads that also name places or people when alone, so they need company. */
export const weakOrganizationHeads = words('city united press news times post service office court church');

/** Last words of place names. */
export const locationHeads = words(`
	street st road rd avenue ave boulevard blvd lane drive square place way highway bridge
	river lake sea ocean gulf bay strait straits channel coast island islands isle peninsula
	mountain mountains mount mt hill hills valley canyon desert forest park plain plains
	province county state states region district territory republic kingdom emirates
	city town village port harbour harbor airport station
	prison stadium arena palace castle cathedral abbey tower memorial monument
`);

/** Words that open a place name ("Mount Everest", "Lake Geneva", "Gulf of Mexico"). */
export const locationOpeners = words('mount mt lake cape gulf bay isle port fort saint st san santa los las el');

/** Words that may join the parts of one name ("Bank of England", "Ludwig van Beethoven"). */
export const nameConnectors = words(`of de del della der den van von da di du la le el al bin ibn y & and`);

/** Connectors allowed only inside organisation or place names, not between two people's names. */
export const looseConnectors = words('of and &');

/** Capitalised words that are almost never entities on their own (sentence openers, pronouns, calendar). */
export const capitalisedNonNames = words(`
	i i'm i've i'd i'll the a an this that these those there here it its he she we they you
	his her our their my your mine what which who whom whose when where why how if but and or
	nor so yet for of in on at by to from with without about after before during since until
	as than then also however meanwhile moreover furthermore although though while because
	monday tuesday wednesday thursday friday saturday sunday
	january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
	today tomorrow yesterday tonight mr mrs ms dr no yes not all some any each every both
	god christmas easter
`);

/** Prepositions after which an unknown capitalised word is more likely a place. */
export const placePrepositions = words('in at from near into across outside inside throughout toward towards via');

/** Words that say a preceding name belongs to a group of people, a language or an event (MISC). */
export const miscHeads = words(`
	cup championship championships open games olympics war award awards prize festival
	day act treaty accord accords agreement summit conference
`);

/**
 * Country and region names the part-of-speech tagger's own lexicon lacks (checked by tagging
 * "They went to X ." for a list of the world's countries and major regions), and plural
 * place names that would otherwise read as groups ("the Alps").
 */
export const extraPlaces = words(`
	bosnia britain burkina congo eswatini kazakstan laos holland philippines trinidad ulster
	yugoslavia kurdistan tibet oceania scandinavia balkans caribbean
	alps andes rockies himalayas himalaya pyrenees urals appalachians carpathians dolomites
	highlands midlands hebrides falklands azores canaries americas
`);

/** Country abbreviations, which look like organisation acronyms. */
export const countryAbbreviations = words('u.s. u.s u.s.a. usa u.k. uk u.a.e. uae ussr u.s.s.r. prc drc');

/** Words around a place name that make it a sports team ("Essex beat Kent", "Leeds v Derby"). */
export const teamVerbsAfter = words('beat beats defeated drew draw v v. vs vs. versus');
export const teamWordsBefore = words('v v. vs vs. versus beat beats defeated');

/** Religions, peoples and languages named by words without a nationality suffix (MISC). */
export const miscWords = words(`
	muslim muslims moslem moslems islamic islamist christian christians catholic catholics protestant
	protestants jewish jew jews hindu hindus buddhist buddhists sikh sikhs arab arabs arabic hebrew
	latin greek greeks swiss dutch thai turk turks kurd kurds serb serbs croat croats czech czechs
	scot scots welsh basque basques tamil tamils shi'ite shiite sunni zionist
`);
