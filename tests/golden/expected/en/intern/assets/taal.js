// Written by Netwerkspiegel: the site's language for netwerkspiegel.js.
window.netwerkspiegelLanguage = {"decimal": ".", "texts": {"Grafiek opslaan": "Save chart", "Klik voor acties": "Click to view actions", "Opslaan als PNG": "Save as PNG", "Opslaan als SVG": "Save as SVG", "Stoppen": "Stop", "Tabel": "Table", "Volgende": "Next", "Vorige": "Previous", "Zoeken": "Search"}, "thousands": ","};
