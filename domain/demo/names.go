package demo

import "schulit-lotse/domain"

// The words the demonstration is made of: places, schools, people and the areas of school IT
// with their tasks. Everything is invented; any likeness to a real district is chance.

// placeRoots and placeSuffixes make the towns of the district ("Birkenhorst", "Erlenbeck").
var (
	placeRoots    = []string{"Birken", "Eichen", "Erlen", "Hasel", "Linden", "Moor", "Wester", "Oster", "Sand", "Wiesen", "Wolfs", "Stein", "Holten", "Fahren", "Ellern", "Ahl", "Bruch", "Heide"}
	placeSuffixes = []string{"horst", "feld", "beck", "dorf", "hausen", "stedt", "rode", "wede", "moor", "bostel", "loh", "büttel"}
)

// Regions of the district; on-site support is organised by region.
var regions = []string{"Nord", "Süd", "Ost", "West", "Mitte"}

// schoolKind is a type of school with its share of the district's schools, its size (pupils,
// a weight for tickets and calls) and the patrons and streets its names use.
type schoolKind struct {
	key, name string
	share     float64
	size      float64
	patrons   []string
	suffix    string // the name after a patron ("Grundschule" → "Astrid-Lindgren-Grundschule")
}

var schoolKinds = []schoolKind{
	{"gs", "Grundschule", 0.55, 1.0, []string{"Astrid-Lindgren", "Erich-Kästner", "Regenbogen", "Pusteblume", "Waldschule", "Am Lindenplatz", "An der Mühle", "Am Sonnenhang", "Kirchschule", "Wilhelm-Busch"}, "Grundschule"},
	{"obs", "Oberschule", 0.14, 2.2, []string{"Geschwister-Scholl", "Anne-Frank", "Albert-Schweitzer", "Am Stadtpark"}, "Oberschule"},
	{"gym", "Gymnasium", 0.08, 3.5, []string{"Lessing", "Goethe", "Humboldt", "Ratsgymnasium"}, "Gymnasium"},
	{"igs", "IGS", 0.06, 3.2, []string{"Robert-Bosch", "Marie-Curie", "Janusz-Korczak"}, "Gesamtschule"},
	{"foe", "Förderschule", 0.09, 0.6, []string{"Pestalozzi", "Johannes-Falk", "Am Wiesengrund"}, "Förderschule"},
	{"bbs", "BBS", 0.04, 4.5, []string{"Berufsbildende Schulen I", "Berufsbildende Schulen II", "Berufsbildende Schulen III"}, ""},
	{"rs", "Realschule", 0.04, 2.0, []string{"Theodor-Heuss", "Carl-von-Ossietzky"}, "Realschule"},
}

// school is one school of the district.
type school struct {
	name   string
	kind   *schoolKind
	region string
	place  string
	size   float64
}

// firstNames and lastNames make the people of the project.
var (
	firstNames = []string{"Anna", "Jana", "Katrin", "Sabine", "Miriam", "Petra", "Heike", "Lena", "Svenja", "Maren", "Julia", "Nicole",
		"Thomas", "Jens", "Lars", "Tim", "Frank", "Stefan", "Matthias", "Jan", "Ole", "Henning", "Mehmet", "Dirk", "Kerstin", "Ayşe", "Wiebke", "Hauke"}
	lastNames = []string{"Meyer", "Schulz", "Janssen", "Brandt", "Claassen", "Ohlsen", "Wübbena", "Hinrichs", "Peters", "Krüger", "Behrens",
		"Schröder", "Freese", "Gerdes", "Eilers", "Hahn", "Kaya", "Yıldız", "Tammen", "Ulferts", "Hoffmann", "Lüdemann", "Köster", "Bruns"}
)

// person is someone of the Schulträger or the provider.
type person struct{ first, last string }

func (p person) String() string { return p.first + " " + p.last }

// Responsible parties of the inventory. The team members of the Schulträger are named; the
// rest are groups, as inventories write them.
const (
	respMedia      = "Medienbeauftragte der Schulen"
	respOffice     = "Schulsekretariate"
	respLead       = "Schulleitungen"
	respTeacher    = "Lehrkräfte mit Entlastungsstunden"
	respCaretaker  = "Hausmeisterdienst"
	respDataCentre = "Kreis-IT (Rechenzentrum)"
	respMediaCtr   = "Medienzentrum des Landkreises"
	respPurchase   = "Zentrale Vergabestelle"
	respDept       = "Fachdienst Schulen und Kultur"
	respPrivacy    = "Datenschutzbeauftragte des Landkreises"
	respOpen       = "Noch nicht definiert"
)

// teamSize is the number of named Schul-IT team members of the Schulträger.
const teamSize = 12

// taskTemplate is a task of an area. Scope says how often it occurs: once for the district,
// once per kind of school, once per region or once per school ({X} in the name is replaced).
type taskTemplate struct {
	name  string
	scope scope
	hours float64 // typical hours per month of one occurrence
}

type scope int

const (
	scopeAll scope = iota
	scopeKind
	scopeRegion
	scopeSchool
)

// area is a field of school IT: a package of the board, its tasks, who does them today, how
// the steering group decided and the ticket categories that belong to it.
type area struct {
	key, name        string
	target, criteria string
	tasks            []taskTemplate
	// resp lists who does the tasks today: "team" is a named team member.
	resp     []string
	outcome  domain.SourcingOutcome
	hourly   float64
	monthly  float64
	category string  // ticket category of the provider's system ("" = none)
	tickets  float64 // share of the tickets
	critical bool    // the area's district-wide tasks are critical services
}

var areas = []area{
	{key: "accounts", name: "User-Management",
		target:   "Jede Lehrkraft und jede Schülerin, jeder Schüler hat vom ersten Schultag an ein funktionierendes Konto; ein vergessenes Passwort ist am selben Tag wieder nutzbar.",
		criteria: "Konten binnen zwei Schultagen angelegt; Passwörter binnen vier Stunden zurückgesetzt; Löschung nach dem Abgang binnen 30 Tagen.",
		tasks: []taskTemplate{{"Konten zum Schuljahreswechsel anlegen und löschen", scopeAll, 24}, {"Rollen und Gruppen im Identitätsmanagement pflegen", scopeAll, 10},
			{"Konten für neue Lehrkräfte an der {X} anlegen", scopeSchool, 1}, {"Passwörter an der {X} zurücksetzen", scopeSchool, 1.5}},
		resp: []string{"team", respMedia, respOffice}, outcome: domain.OutcomeMixed, hourly: 85, category: "Konten > Anmeldung", tickets: 14, critical: true},
	{key: "software", name: "Software-Verteilung",
		target:   "Die Windows-Geräte der Schulen bekommen Updates und freigegebene Programme zentral und ohne Verzug.",
		criteria: "Sicherheitsupdates binnen 14 Tagen verteilt; Softwarewünsche binnen 10 Schultagen paketiert; Stand je Schule einsehbar.",
		tasks: []taskTemplate{{"Softwarepakete für Windows erstellen und testen", scopeAll, 30}, {"Sicherheitsupdates freigeben", scopeAll, 12},
			{"Softwarewünsche der {X} aufnehmen und verteilen", scopeSchool, 1.2}},
		resp: []string{"team", respDataCentre}, outcome: domain.OutcomeExternal, hourly: 90, category: "Software > Windows", tickets: 7},
	{key: "hardware", name: "Hardware-Wartung",
		target:   "Rechner, Notebooks und Tablets sind einsatzbereit und erfasst; Defekte fallen auf, bevor sie den Unterricht stören.",
		criteria: "Reparatur oder Ersatz binnen fünf Schultagen; Ausfallquote unter 5 %; Garantiefälle zentral abgewickelt.",
		tasks:    []taskTemplate{{"Garantie- und Reparaturfälle abwickeln", scopeAll, 16}, {"Endgeräte der {X} prüfen und reparieren", scopeSchool, 2.5}},
		resp:     []string{"team", respTeacher}, outcome: domain.OutcomeExternal, monthly: 4800, category: "Hardware > Endgeräte", tickets: 12},
	{key: "onsite_n", name: "Vor-Ort-Support Region Nord",
		target:   "Fällt im Unterricht Technik aus, hilft in der Region Nord zügig jemand vor Ort, ohne dass Lehrkräfte Unterrichtszeit dafür einsetzen.",
		criteria: "Termin vor Ort spätestens am nächsten Schultag; feste Sprechzeiten je Schule; Rückmeldung an die meldende Person.",
		tasks:    []taskTemplate{{"Feste Vor-Ort-Sprechstunde an der {X}", scopeSchool, 4}, {"Erstlöseversuche bei Störungen an der {X}", scopeSchool, 3}},
		resp:     []string{respTeacher, respMedia}, outcome: domain.OutcomeExternal, monthly: 6200, category: "Vor-Ort > Nord", tickets: 4},
	{key: "netfault", name: "Störungsbeseitigung Netzwerk",
		target:   "Störungen an Netz und Internet werden an einer Stelle gemeldet, nach Dringlichkeit eingestuft und in zugesagten Zeiten behoben.",
		criteria: "Eine Meldestelle für alle Schulen; kritische Störungen binnen vier Stunden behoben; monatlicher Bericht.",
		tasks:    []taskTemplate{{"Netzstörungen annehmen und einstufen", scopeAll, 20}, {"Switches und Router der {X} entstören", scopeSchool, 1.5}},
		resp:     []string{"team", respDataCentre}, outcome: domain.OutcomeMixed, hourly: 88, category: "Netzwerk > LAN", tickets: 8, critical: true},
	{key: "knowledge", name: "Wissensmanagement",
		target:   "Was über die Schul-IT bekannt ist – Geräte, Abläufe, Zugänge –, ist dokumentiert und für alle Beteiligten auffindbar.",
		criteria: "Anleitungen zentral abgelegt; Dokumentation bei jedem Wechsel übergeben; jährliche Prüfung.",
		tasks: []taskTemplate{{"Anleitungen für Lehrkräfte schreiben und pflegen", scopeAll, 8}, {"Netzpläne und Zugänge dokumentieren", scopeAll, 6},
			{"Dokumentation der {X} aktualisieren", scopeSchool, 0.5}},
		resp: []string{"team", respMediaCtr}, outcome: domain.OutcomeInternal, hourly: 80},
	{key: "wlan", name: "WLAN",
		target:   "In jedem Unterrichtsraum ist WLAN verfügbar, das einen ganzen Klassensatz Tablets trägt.",
		criteria: "Ausleuchtung aller Unterrichtsräume; Ausfall eines Access Points binnen zwei Schultagen behoben; Auslastung monatlich geprüft.",
		tasks: []taskTemplate{{"WLAN-Controller betreiben und überwachen", scopeAll, 14}, {"WLAN-Störungen an der {X} beheben", scopeSchool, 2},
			{"Access Points an der {X} tauschen", scopeSchool, 0.8}},
		resp: []string{"team", respDataCentre, respTeacher}, outcome: domain.OutcomeExternal, hourly: 92, category: "Netzwerk > WLAN", tickets: 15, critical: true},
	{key: "presentation", name: "Präsentationstechnik",
		target:   "Beamer, Displays und Dokumentenkameras funktionieren zu Beginn jeder Stunde.",
		criteria: "Defekte Geräte binnen drei Schultagen ersetzt; Ersatzgeräte je Schule vorrätig.",
		tasks:    []taskTemplate{{"Beamer und Displays an der {X} warten", scopeSchool, 1.5}, {"Ersatzgeräte für Präsentationstechnik vorhalten", scopeAll, 6}},
		resp:     []string{respCaretaker, respMedia, "team"}, outcome: domain.OutcomeExternal, monthly: 2900, category: "Präsentationstechnik", tickets: 8},
	{key: "mdm_ios", name: "MDM iPads",
		target:   "Alle iPads sind im MDM verwaltet und bekommen Apps und Profile zentral.",
		criteria: "Neue Geräte binnen fünf Schultagen eingebunden; App-Wünsche binnen zehn Schultagen verteilt.",
		tasks:    []taskTemplate{{"Apps und Profile im MDM zuweisen", scopeAll, 18}, {"iPad-Klassensätze der {X} einrichten", scopeSchool, 2}},
		resp:     []string{"team", respMedia}, outcome: domain.OutcomeMixed, hourly: 90, category: "Software > MDM", tickets: 7},
	{key: "mdm_android", name: "MDM Android",
		target:   "Die Android-Tablets der Förderschulen und Grundschulen sind zentral verwaltet.",
		criteria: "Geräte binnen fünf Schultagen eingebunden; Updates monatlich.",
		tasks:    []taskTemplate{{"Android-Tablets im MDM verwalten", scopeAll, 8}, {"Android-Geräte der {X} einbinden", scopeSchool, 0.7}},
		resp:     []string{"team", respTeacher}, outcome: domain.OutcomeExternal, hourly: 90, category: "Software > MDM Android", tickets: 2},
	{key: "moodle", name: "Lernplattform",
		target:   "Die Lernplattform ist während der Unterrichtszeit verfügbar und für jede Schule eingerichtet.",
		criteria: "Verfügbarkeit 99 % in der Unterrichtszeit; Kursräume zum Halbjahr angelegt.",
		tasks:    []taskTemplate{{"Lernplattform betreiben und aktualisieren", scopeAll, 16}, {"Kursräume der {X} anlegen", scopeSchool, 0.6}},
		resp:     []string{respDataCentre, respMediaCtr, respMedia}, outcome: domain.OutcomeInternal, hourly: 85, category: "Lernplattform", tickets: 3},
	{key: "iserv", name: "IServ-Administration",
		target:   "Der Schulserver jeder Schule ist aktuell, gesichert und richtig eingerichtet.",
		criteria: "Updates binnen sieben Tagen; Module nach Freigabe der Schulleitung eingerichtet.",
		tasks:    []taskTemplate{{"IServ-Updates überwachen", scopeAll, 6}, {"IServ-Module der {X} einrichten", scopeSchool, 1}},
		resp:     []string{"team", respMedia}, outcome: domain.OutcomeInternal, hourly: 85, category: "Konten > IServ", tickets: 5},
	{key: "mail", name: "E-Mail und Kalender",
		target:   "Dienstliche E-Mail-Adressen funktionieren für alle Lehrkräfte.",
		criteria: "Postfächer binnen zwei Schultagen angelegt; Spam-Filter gepflegt.",
		tasks:    []taskTemplate{{"Dienstliche Postfächer verwalten", scopeAll, 10}, {"Verteilerlisten der {X} pflegen", scopeSchool, 0.4}},
		resp:     []string{"team", respOffice}, outcome: domain.OutcomeInternal, hourly: 80, category: "Konten > E-Mail", tickets: 2},
	{key: "video", name: "Videokonferenzen",
		target:   "Videokonferenzen für Unterricht und Konferenzen sind datenschutzkonform nutzbar.",
		criteria: "Räume binnen einem Schultag eingerichtet; Verfügbarkeit 99 %.",
		tasks:    []taskTemplate{{"Videokonferenzsystem betreiben", scopeAll, 6}, {"Videokonferenzräume für die {X} einrichten", scopeKind, 1}},
		resp:     []string{respDataCentre, respMediaCtr}, outcome: domain.OutcomeExternal, hourly: 85, category: "Software > Videokonferenz", tickets: 1},
	{key: "print", name: "Drucker und Kopierer",
		target:   "Drucker und Kopierer drucken; Toner ist da, bevor er fehlt.",
		criteria: "Störungen binnen zwei Schultagen behoben; Verbrauchsmaterial automatisch nachbestellt.",
		tasks:    []taskTemplate{{"Druckerwartung und Tonerwechsel an der {X}", scopeSchool, 1.5}, {"Druckdienste zentral verwalten", scopeAll, 6}},
		resp:     []string{respOffice, respCaretaker, "team"}, outcome: domain.OutcomeExternal, monthly: 3100, category: "Hardware > Drucker", tickets: 9},
	{key: "boards", name: "Interaktive Tafeln",
		target:   "Interaktive Tafeln und Displays sind kalibriert und mit der Software der Schule verbunden.",
		criteria: "Defekte binnen fünf Schultagen behoben; Software jährlich aktualisiert.",
		tasks:    []taskTemplate{{"Interaktive Tafeln der {X} warten", scopeSchool, 1}},
		resp:     []string{respMedia, respCaretaker}, outcome: domain.OutcomeExternal, monthly: 1900, category: "Präsentationstechnik > Tafeln", tickets: 3},
	{key: "lan", name: "Netzwerk und Verkabelung",
		target:   "Jeder Raum hat die Netzanschlüsse, die der Medienentwicklungsplan vorsieht.",
		criteria: "Verkabelung nach DIN EN 50173; Änderungen dokumentiert.",
		tasks:    []taskTemplate{{"Netzwerkverkabelung planen und abnehmen", scopeAll, 8}, {"Netzwerkschränke der {X} prüfen", scopeSchool, 0.5}},
		resp:     []string{"team", respCaretaker}, outcome: domain.OutcomeExternal, hourly: 95, category: "Netzwerk > Verkabelung", tickets: 1},
	{key: "internet", name: "Internetanbindung",
		target:   "Jede Schule hat eine Internetanbindung, die ihrem Bedarf entspricht.",
		criteria: "Mindestens 1 Gbit/s für weiterführende Schulen; Ausfall binnen vier Stunden beim Anbieter gemeldet.",
		tasks:    []taskTemplate{{"Verträge der Internetanschlüsse betreuen", scopeAll, 4}, {"Bandbreite der {X} überwachen", scopeRegion, 2}},
		resp:     []string{respDataCentre, respDept}, outcome: domain.OutcomeInternal, hourly: 85, category: "Netzwerk > Internet", tickets: 3, critical: true},
	{key: "firewall", name: "Firewall und Jugendschutzfilter",
		target:   "Die Schulen sind geschützt; der Jugendschutzfilter sperrt, was er soll, und nicht mehr.",
		criteria: "Freischaltwünsche binnen einem Schultag; Regeln quartalsweise geprüft.",
		tasks:    []taskTemplate{{"Firewall-Regeln pflegen", scopeAll, 10}, {"Freischaltwünsche der {X} bearbeiten", scopeKind, 1.5}},
		resp:     []string{respDataCentre, "team"}, outcome: domain.OutcomeInternal, hourly: 95, category: "Netzwerk > Filter", tickets: 2, critical: true},
	{key: "server", name: "Schulserver",
		target:   "Die Server in den Schulen laufen, sind gesichert und gepatcht.",
		criteria: "Patches monatlich; Ausfall binnen vier Stunden behoben.",
		tasks:    []taskTemplate{{"Server der {X} patchen", scopeSchool, 1}, {"Servervirtualisierung betreiben", scopeAll, 12}},
		resp:     []string{respDataCentre, "team"}, outcome: domain.OutcomeMixed, hourly: 95, category: "Server", tickets: 2},
	{key: "backup", name: "Datensicherung",
		target:   "Die Daten der Schulen sind gesichert und lassen sich wiederherstellen.",
		criteria: "Tägliche Sicherung; Rücksicherung halbjährlich geprüft.",
		tasks:    []taskTemplate{{"Sicherungen überwachen", scopeAll, 8}, {"Rücksicherung der {X} testen", scopeRegion, 2}},
		resp:     []string{respDataCentre}, outcome: domain.OutcomeInternal, hourly: 90},
	{key: "phone", name: "Telefonie",
		target:   "Schulen sind telefonisch erreichbar; Störungen der Telefonanlage werden schnell behoben.",
		criteria: "Störungen binnen einem Schultag behoben.",
		tasks:    []taskTemplate{{"Telefonanlage betreuen", scopeAll, 6}, {"Telefone der {X} umziehen und einrichten", scopeKind, 1}},
		resp:     []string{respDataCentre, respCaretaker}, outcome: domain.OutcomeInternal, hourly: 80, category: "Telefonie", tickets: 1},
	{key: "onsite_s", name: "Vor-Ort-Support Region Süd",
		target:   "Fällt im Unterricht Technik aus, hilft in der Region Süd zügig jemand vor Ort.",
		criteria: "Termin vor Ort spätestens am nächsten Schultag; feste Sprechzeiten je Schule.",
		tasks:    []taskTemplate{{"Feste Vor-Ort-Sprechstunde an der {X}", scopeSchool, 4}, {"Erstlöseversuche bei Störungen an der {X}", scopeSchool, 3}},
		resp:     []string{respTeacher, respMedia}, outcome: domain.OutcomeExternal, monthly: 6200, category: "Vor-Ort > Süd", tickets: 4},
	{key: "onsite_o", name: "Vor-Ort-Support Region Ost",
		target:   "Fällt im Unterricht Technik aus, hilft in der Region Ost zügig jemand vor Ort.",
		criteria: "Termin vor Ort spätestens am nächsten Schultag; feste Sprechzeiten je Schule.",
		tasks:    []taskTemplate{{"Feste Vor-Ort-Sprechstunde an der {X}", scopeSchool, 4}, {"Erstlöseversuche bei Störungen an der {X}", scopeSchool, 3}},
		resp:     []string{respTeacher, respMedia}, outcome: domain.OutcomeExternal, monthly: 5900, category: "Vor-Ort > Ost", tickets: 4},
	{key: "onsite_w", name: "Vor-Ort-Support Region West",
		target:   "Fällt im Unterricht Technik aus, hilft in der Region West zügig jemand vor Ort.",
		criteria: "Termin vor Ort spätestens am nächsten Schultag; feste Sprechzeiten je Schule.",
		tasks:    []taskTemplate{{"Feste Vor-Ort-Sprechstunde an der {X}", scopeSchool, 4}, {"Erstlöseversuche bei Störungen an der {X}", scopeSchool, 3}},
		resp:     []string{respTeacher, respMedia}, outcome: domain.OutcomeExternal, monthly: 5600, category: "Vor-Ort > West", tickets: 4},
	{key: "servicedesk", name: "Service Desk",
		target:   "Alle Störungen und Anfragen laufen über eine Stelle und sind jederzeit nachvollziehbar.",
		criteria: "Erreichbarkeit 90 % der Anrufe binnen zwei Minuten; jedes Anliegen als Ticket.",
		tasks:    []taskTemplate{{"Hotline für die Schulen besetzen", scopeAll, 80}, {"Tickets der {X} einstufen und weiterleiten", scopeRegion, 12}},
		resp:     []string{"team"}, outcome: domain.OutcomeExternal, monthly: 9800, category: "Sonstiges", tickets: 4},
	{key: "procurement", name: "Beschaffung",
		target:   "Geräte werden nach Rahmenverträgen beschafft und kommen einsatzbereit an.",
		criteria: "Bestellung binnen zehn Arbeitstagen nach Freigabe; Vorkonfiguration durch den Lieferanten.",
		tasks:    []taskTemplate{{"Rahmenverträge für Endgeräte ausschreiben", scopeAll, 12}, {"Bestellungen der {X} bündeln", scopeKind, 3}},
		resp:     []string{respPurchase, respDept}, outcome: domain.OutcomeInternal, hourly: 75},
	{key: "inventory", name: "Inventarisierung",
		target:   "Jedes Gerät ist mit Standort und Zustand erfasst.",
		criteria: "Inventar je Schule jährlich abgeglichen.",
		tasks:    []taskTemplate{{"Inventar der {X} abgleichen", scopeSchool, 0.6}},
		resp:     []string{respOffice, "team"}, outcome: domain.OutcomeInternal, hourly: 70},
	{key: "disposal", name: "Aussonderung und Datenlöschung",
		target:   "Alte Geräte verlassen die Schulen ohne lesbare Daten.",
		criteria: "Löschung nach BSI-Vorgaben mit Nachweis.",
		tasks:    []taskTemplate{{"Altgeräte der {X} abholen und Daten löschen lassen", scopeRegion, 2}, {"Löschnachweise prüfen", scopeAll, 2}},
		resp:     []string{respCaretaker, "team"}, outcome: domain.OutcomeExternal, hourly: 70, category: "Hardware > Aussonderung", tickets: 0.5},
	{key: "admin_sw", name: "Schulverwaltungssoftware",
		target:   "Die Schulverwaltungsprogramme laufen aktuell und sicher.",
		criteria: "Updates zum Schuljahresbeginn; Zugriff nur aus dem Verwaltungsnetz.",
		tasks:    []taskTemplate{{"Schulverwaltungssoftware aktualisieren", scopeAll, 6}, {"Schulverwaltung der {X} betreuen", scopeKind, 2}},
		resp:     []string{respOffice, "team"}, outcome: domain.OutcomeInternal, hourly: 85, category: "Software > Verwaltung", tickets: 1},
	{key: "grades", name: "Zeugnisprogramme",
		target:   "Zeugnisse lassen sich zu jedem Halbjahr ohne Störung drucken.",
		criteria: "Programmstand zwei Wochen vor Zeugnisausgabe geprüft.",
		tasks:    []taskTemplate{{"Zeugnisprogramm der {X} vor dem Halbjahr prüfen", scopeKind, 2}},
		resp:     []string{respOffice, respLead}, outcome: domain.OutcomeInternal, hourly: 80, category: "Software > Zeugnisse", tickets: 0.5},
	{key: "licenses", name: "Lizenzverwaltung",
		target:   "Jede eingesetzte Software ist lizenziert; Verlängerungen werden rechtzeitig bestellt.",
		criteria: "Lizenzbestand quartalsweise abgeglichen.",
		tasks:    []taskTemplate{{"Lizenzen erfassen und verlängern", scopeAll, 6}, {"Lizenzbedarf der {X} abfragen", scopeKind, 0.5}},
		resp:     []string{"team", respPurchase}, outcome: domain.OutcomeInternal, hourly: 75},
	{key: "privacy", name: "Datenschutz",
		target:   "Für jedes Verfahren liegen Verzeichnis, Auftragsverarbeitung und Freigabe vor.",
		criteria: "Neue Software erst nach Prüfung; Verzeichnis jährlich aktualisiert.",
		tasks:    []taskTemplate{{"Verarbeitungsverzeichnis der Schul-IT pflegen", scopeAll, 6}, {"Datenschutzprüfung neuer Software", scopeAll, 8}},
		resp:     []string{respPrivacy}, outcome: domain.OutcomeInternal, hourly: 95},
	{key: "security", name: "Informationssicherheit",
		target:   "Sicherheitsvorfälle werden erkannt, gemeldet und aufgearbeitet.",
		criteria: "Meldung binnen 24 Stunden; jährliche Übung.",
		tasks:    []taskTemplate{{"Sicherheitsvorfälle auswerten", scopeAll, 4}, {"Sicherheitsunterweisung für die {X}", scopeKind, 1}},
		resp:     []string{respDataCentre, respPrivacy}, outcome: domain.OutcomeOpen, hourly: 110},
	{key: "training", name: "Fortbildung für Lehrkräfte",
		target:   "Lehrkräfte können die Technik ihrer Schule sicher nutzen.",
		criteria: "Mindestens zwei Angebote je Halbjahr und Schulform.",
		tasks:    []taskTemplate{{"Fortbildungen zur Medientechnik für die {X}", scopeKind, 3}},
		resp:     []string{respMediaCtr}, outcome: domain.OutcomeOpen, hourly: 75},
	{key: "mep", name: "Medienentwicklungsplanung",
		target:   "Der Medienentwicklungsplan ist aktuell und Grundlage jeder Beschaffung.",
		criteria: "Fortschreibung jährlich mit allen Schulleitungen.",
		tasks:    []taskTemplate{{"Medienentwicklungsplan fortschreiben", scopeAll, 10}, {"Medienkonzept der {X} abstimmen", scopeSchool, 0.3}},
		resp:     []string{respDept, respLead}, outcome: domain.OutcomeInternal, hourly: 85},
	{key: "digitalpakt", name: "Steuerung DigitalPakt",
		target:   "Fördermittel werden vollständig und fristgerecht abgerufen.",
		criteria: "Verwendungsnachweise fristgerecht; Mittelabfluss monatlich berichtet.",
		tasks:    []taskTemplate{{"Förderanträge und Verwendungsnachweise erstellen", scopeAll, 14}, {"Mittelabruf der {X} verfolgen", scopeRegion, 2}},
		resp:     []string{respDept}, outcome: domain.OutcomeInternal, hourly: 85},
	{key: "adminnet", name: "Verwaltungsnetz der Schulen",
		target:   "Das Verwaltungsnetz der Schulen ist vom pädagogischen Netz getrennt und sicher.",
		criteria: "Trennung je Schule nachgewiesen; Zugriffe protokolliert.",
		tasks:    []taskTemplate{{"Verwaltungsrechner der {X} betreuen", scopeSchool, 0.8}},
		resp:     []string{respDataCentre}, outcome: domain.OutcomeOpen, hourly: 90, category: "Verwaltungsnetz", tickets: 1},
	{key: "loans", name: "Leihgeräte",
		target:   "Schülerinnen und Schüler ohne eigenes Gerät bekommen ein Leihgerät.",
		criteria: "Ausgabe binnen fünf Schultagen; Rücklauf zum Schuljahresende.",
		tasks:    []taskTemplate{{"Leihgeräte der {X} ausgeben und zurücknehmen", scopeSchool, 1}},
		resp:     []string{respOffice, respMedia}, outcome: domain.OutcomeMixed, hourly: 70, category: "Hardware > Leihgeräte", tickets: 1},
	{key: "accessibility", name: "Barrierefreie Technik",
		target:   "Lernende mit Förderbedarf haben die Hilfsmittel, die sie brauchen.",
		criteria: "Bedarf binnen zwei Wochen geprüft; Geräte binnen sechs Wochen bereit.",
		tasks:    []taskTemplate{{"Hilfsmittel für Lernende mit Förderbedarf an der {X} einrichten", scopeSchool, 1}},
		resp:     []string{respTeacher, respMediaCtr}, outcome: domain.OutcomeOpen, hourly: 80, category: "Hardware > Hilfsmittel", tickets: 0.5},
}

// taskNotes are notes the inventory holds for some tasks.
var taskNotes = []string{
	"Häufung zu Beginn des Schuljahres",
	"Oft Rücksprache mit der Schule nötig, um alle Angaben zu bekommen",
	"Aufwand geschätzt, nicht gemessen",
	"Läuft meist per Fernwartung",
	"Nur an Schultagen",
	"Vertretung im Urlaub nicht geregelt",
	"Rahmenvertrag läuft Ende 2024 aus",
	"Teilweise durch Ehrenamt abgedeckt",
	"Aufwand stark schwankend, Spitzen vor den Zeugnissen",
	"Wird bisher nebenbei erledigt",
}
