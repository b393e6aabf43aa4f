-- The digest table (example project).
CREATE TABLE digest (id INTEGER PRIMARY KEY, week TEXT NOT NULL);
