-- Roles for a production centre on PostgreSQL. Run once as a superuser, after
-- `dispatch-central migrate` has created the schema as dispatch_owner:
--   psql -v service_password="'...'" -f db/postgres/roles.sql DATABASE
-- dispatch_owner owns the schema and runs migrations; dispatch_service is what the service
-- connects as: it reads and writes rows, but may never change or delete an audit row (the
-- append-only trigger of migration 0006 refuses that to everyone; this also refuses it by grant).

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dispatch_service') THEN
        CREATE ROLE dispatch_service LOGIN;
    END IF;
END $$;
ALTER ROLE dispatch_service PASSWORD :service_password;

GRANT CONNECT ON DATABASE :"DBNAME" TO dispatch_service;
GRANT USAGE ON SCHEMA public TO dispatch_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO dispatch_service;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO dispatch_service;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM dispatch_service;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM dispatch_service;
-- Tables and sequences that later migrations create (as dispatch_owner) get the same grants.
DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'dispatch_owner') THEN
        EXECUTE 'ALTER DEFAULT PRIVILEGES FOR ROLE dispatch_owner IN SCHEMA public '
                'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO dispatch_service';
        EXECUTE 'ALTER DEFAULT PRIVILEGES FOR ROLE dispatch_owner IN SCHEMA public '
                'GRANT USAGE, SELECT ON SEQUENCES TO dispatch_service';
    END IF;
END $$;
