-- A delivery location can be a presigned S3 link (AWS backend, database dumps): several hundred characters,
-- over a thousand with temporary credentials.
alter table ticket alter column delivery_location set data type varchar(4096);
