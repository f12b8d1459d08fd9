-- Dataset versions are frozen: their rows are written once, when the version is created, and never changed.
-- The database itself refuses an UPDATE or DELETE, whatever the client (the content hash still detects any change).
CREATE FUNCTION dermino_refuse_frozen_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dataset versions are frozen: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = '23000';
END
$$;

CREATE TRIGGER dataset_version_item_frozen BEFORE UPDATE OR DELETE ON "DatasetVersionItem"
  FOR EACH ROW EXECUTE FUNCTION dermino_refuse_frozen_change();

CREATE TRIGGER dataset_version_frozen BEFORE UPDATE OR DELETE ON "DatasetVersion"
  FOR EACH ROW EXECUTE FUNCTION dermino_refuse_frozen_change();
