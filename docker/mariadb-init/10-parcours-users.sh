#!/bin/bash
# Creates the two database users of Parcours on the first start of an empty MariaDB data volume
# (the official image runs /docker-entrypoint-initdb.d/* once, as root). docs/security.md:
#   parcours_owner  owns the schema: Flyway runs the migrations as this user (spring.flyway.user);
#                   it keeps the GRANT OPTION to give the application its per-table privileges.
#   parcours_app    the application's connection (spring.datasource.username): nothing here; after
#                   every migration Flyway's callback (database.ApplicationUserGrants, setting
#                   parcours.database.app-user) grants it SELECT, INSERT, UPDATE, DELETE on each
#                   business table, only SELECT, INSERT on audit_event and only SELECT on
#                   flyway_schema_history. It cannot UPDATE, DELETE, TRUNCATE or DROP audit rows,
#                   their table or its triggers.
# A shell script only to read the passwords from the environment; the SQL is all there is.
set -euo pipefail

: "${PARCOURS_DB_OWNER_PASSWORD:?set PARCOURS_DB_OWNER_PASSWORD}"
: "${PARCOURS_DB_APP_PASSWORD:?set PARCOURS_DB_APP_PASSWORD}"
database="${MARIADB_DATABASE:-parcours}"

sql_quote() { printf "%s" "$1" | sed "s/\\\\/\\\\\\\\/g; s/'/''/g"; }
owner_password="$(sql_quote "$PARCOURS_DB_OWNER_PASSWORD")"
app_password="$(sql_quote "$PARCOURS_DB_APP_PASSWORD")"

mariadb --protocol=socket -uroot -p"${MARIADB_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'parcours_owner'@'%' IDENTIFIED BY '${owner_password}';
GRANT ALL PRIVILEGES ON \`${database}\`.* TO 'parcours_owner'@'%' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'parcours_app'@'%' IDENTIFIED BY '${app_password}';
FLUSH PRIVILEGES;
SQL
