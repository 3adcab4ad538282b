-- A delivery location can be a presigned S3 link (AWS backend, database dumps): several hundred characters,
-- over a thousand with temporary credentials. A recovery point of several volumes names one device per volume.
alter table ticket alter column delivery_location set data type varchar(4096);
alter table ticket alter column delivery_device set data type varchar(1000);
