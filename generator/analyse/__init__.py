"""Stage 2, analyse: the data set → what one audience may see, aggregated, with insights.

Pure functions over frozen records: no files, no output."""
