"""Stage 1, read: files in the data folder → one validated data set (load, recognise, validate).

Every problem in every file is collected before anything is written."""
