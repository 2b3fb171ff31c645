// Written by Netwerkspiegel: the site's language for netwerkspiegel.js.
window.netwerkspiegelLanguage = {"decimal": ",", "texts": {"Grafiek opslaan": "Grafiek opslaan", "Klik voor acties": "Klik voor acties", "Opslaan als PNG": "Opslaan als PNG", "Opslaan als SVG": "Opslaan als SVG", "Tabel": "Tabel", "Zoeken": "Zoeken"}, "thousands": "."};
