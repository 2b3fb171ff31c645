"""Sentences shaped like teachers' reflections, for the benchmarks: varied enough that texts repeat
rarely, some naming people who are not participants (pupils, colleagues), as real reflections do."""

from __future__ import annotations

import random

SENTENCES = [
    "Het was fijn om collega's van andere scholen te spreken die met dezelfde vragen worstelen.",
    "Via het netwerk ken ik nu een onderzoeker die me kan helpen met literatuur over {thema}.",
    "In groep {groep} werken de kinderen nu met een weektaak die ze zelf plannen.",
    "Onze school heeft {thema} opgenomen in het schoolplan.",
    "Ik kijk anders naar succes: niet het cijfer maar het proces telt.",
    "De bijeenkomst in {maand} gaf energie; we gaan door met de onderzoekscyclus.",
    "Leerlingen stellen betere vragen en presenteren hun bevindingen aan de klas.",
    "We hebben een doorgaande lijn voor {thema} opgezet, van groep 1 tot en met 8.",
    "De kijkwijzer die we samen maakten, gebruik ik nu bij elke lesobservatie.",
    "Ik durf vaker te zeggen dat ik iets niet weet, en dat helpt mijn leerlingen ook.",
    "Het gesprek over de gewenste situatie maakte duidelijk dat we niet allemaal hetzelfde willen.",
    "Na de bijeenkomst heb ik de werkvorm met de ideeënmuur in mijn eigen team uitgeprobeerd.",
    "De pabostudenten brachten nieuwe bronnen mee die ik zelf nooit had gevonden.",
    "Het kost tijd om de uitkomsten van het netwerk in de school te laten landen.",
    "Onze directeur vraagt nu in elk teamoverleg naar wat het netwerk heeft opgeleverd.",
    "Ik merk dat ouders positief reageren op de presentaties van de leerlingen.",
    "We hebben afgesproken om elke {maand} een lesbezoek bij elkaar af te leggen.",
    "Het was lastig om tijd vrij te maken, maar de opbrengst was het waard.",
    "De vragenlijst voor leerlingen laat zien dat hun motivatie voor {thema} is gegroeid.",
    "Ik heb mijn lessen over {thema} helemaal omgebouwd naar aanleiding van het netwerk.",
    "Door het netwerk weet ik welke collega's ik kan bellen als ik vastloop.",
    "We missen nog een gedeelde taal over wat goed onderwijs in {thema} is.",
    "Een student liet zien hoe je met kleine experimenten snel kunt leren wat werkt.",
    "Het team van de bovenbouw gebruikt nu dezelfde rubric voor het beoordelen van werkstukken.",
    "Ik ben kritischer geworden op mijn eigen vragen in de kring.",
    "Na twee jaar is het netwerk een vaste plek geworden waar we samen nadenken.",
    "De resultaten van ons kleine onderzoek hebben we gedeeld op de studiedag in {maand}.",
    "Voor mij was vooral de feedback van de lerarenopleider waardevol.",
    "Het beeld van het netwerk verschilde sterk van mijn eigen kruisje; dat gaf een goed gesprek.",
    "We hebben het beleidsplan van het bestuur aangepast op basis van wat we hier leerden.",
]
THEMES = ["zelfgestuurd leren", "executieve functies", "onderzoekend leren", "rekenen", "begrijpend lezen", "burgerschap", "hoogbegaafdheid", "formatief handelen"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "september", "oktober", "november", "december"]
# Who a reflection may name besides the participants: first names and surnames of pupils and colleagues.
FIRST_NAMES = [
    "Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Tess", "Finn", "Noor", "Levi", "Lotte", "Milan", "Fleur", "Jesse",
    "Eva", "Thijs", "Anouk", "Ruben", "Lisa", "Bram", "Fatima", "Mohamed", "Yasmina", "Ahmed", "Ayoub", "Zeynep", "Mehmet",
    "Priya", "Wei", "Kofi", "Annemiek", "Joost", "Ingrid", "Hendrik", "Marieke", "Gerrit", "Wilma", "Kees", "Femke", "Stijn",
]
SURNAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
    "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "Yilmaz", "El Amrani", "Kaya",
    "Okafor", "Nguyen", "van der Linden", "Kuipers", "Verhoeven", "Schouten", "Postma",
]
NAMING = [
    "Samen met {first} {last} zette ik een onderzoekje op.",
    "{first} uit groep {groep} vertelde trots over haar onderzoek.",
    "Meester {last} liet zien hoe hij de weektaak opbouwt.",
    "Ik belde {first} om de aanpak te bespreken.",
]


DETAILS = [
    "Dat merkte ik vooral op {dag} in groep {groep} bij {vak}.",
    "Bij {vak} zag ik op {dag} het grootste verschil.",
    "Ik probeer het nu elke {dag} uit, {aantal} weken lang.",
    "Met {aantal} collega's bespreken we het elke {dag} na.",
]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
SUBJECTS = ["rekenen", "taal", "spelling", "wereldoriëntatie", "natuur en techniek", "muziek", "gym", "lezen"]


def reflection(rng: random.Random) -> str:
    """One reflection: two to four sentences and a detail, one in ten naming someone who is not a participant."""
    sentences = [rng.choice(SENTENCES) for _ in range(rng.randint(1, 3))] + [rng.choice(DETAILS)]
    rng.shuffle(sentences)
    if rng.random() < 0.1:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(NAMING))
    return " ".join(s.format(thema=rng.choice(THEMES), groep=rng.randint(1, 8), maand=rng.choice(MONTHS),
                             first=rng.choice(FIRST_NAMES), last=rng.choice(SURNAMES), dag=rng.choice(DAYS), vak=rng.choice(SUBJECTS),
                             aantal=rng.randint(2, 9)) for s in sentences)
