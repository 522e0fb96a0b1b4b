INSERT INTO Note (text, owner) VALUES ('Owned by ${owner}', '${owner}');
