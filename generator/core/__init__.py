"""The vocabulary every stage shares: the frameworks, moments, records, settings, identities, text
and the located problems. No file is read here except the package's own data."""
