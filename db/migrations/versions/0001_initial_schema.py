"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_overrides',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_working', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_overrides')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_overrides_day'))
    )
    op.create_table('local_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_local_meta'))
    )
    op.create_table('number_sequences',
    sa.Column('kind', sa.Enum('survey', 'provisioning', 'fault', 'complaint', name='orderkind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('last_serial', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'day', name=op.f('pk_number_sequences'))
    )
    op.create_table('regions',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('name_en', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regions')),
    sa.UniqueConstraint('code', name=op.f('uq_regions_code'))
    )
    op.create_table('rule_parameters',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_parameters')),
    sa.UniqueConstraint('key', name=op.f('uq_rule_parameters_key'))
    )
    op.create_table('sla_rules',
    sa.Column('kind', sa.Enum('survey', 'provisioning', 'fault', 'complaint', name='orderkind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('stage', sa.Enum('total', 'resource_check', 'construction', 'configuration', 'installation', 'test_delivery', 'response', 'restoration', 'accept', 'investigate', 'feedback', name='slastage', native_enum=False, create_constraint=True, length=22), nullable=False),
    sa.Column('grade', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('unit', sa.Enum('working_days', 'hours', 'minutes', name='limitunit', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_sla_rules_amount_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sla_rules')),
    sa.UniqueConstraint('kind', 'stage', 'grade', name=op.f('uq_sla_rules_kind_stage_grade'))
    )
    op.create_table('customers',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.Enum('key', 'diamond', 'gold', 'silver', 'bronze', name='customerlevel', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('region_id', sa.Uuid(), nullable=False),
    sa.Column('industry', sa.String(length=64), nullable=False),
    sa.Column('contact_name', sa.String(length=64), nullable=False),
    sa.Column('contact_phone', sa.String(length=32), nullable=False),
    sa.Column('account_manager', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], name=op.f('fk_customers_region_id_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('code', name=op.f('uq_customers_code'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_level'), ['level'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_region_id'), ['region_id'], unique=False)

    op.create_table('districts',
    sa.Column('adcode', sa.String(length=6), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('name_en', sa.String(length=64), nullable=False),
    sa.Column('region_id', sa.Uuid(), nullable=False),
    sa.Column('center_lat', sa.Float(), nullable=False),
    sa.Column('center_lon', sa.Float(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], name=op.f('fk_districts_region_id_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_districts')),
    sa.UniqueConstraint('adcode', name=op.f('uq_districts_adcode'))
    )
    with op.batch_alter_table('districts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_districts_region_id'), ['region_id'], unique=False)

    op.create_table('technicians',
    sa.Column('employee_no', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('region_id', sa.Uuid(), nullable=False),
    sa.Column('team', sa.String(length=64), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('home_lat', sa.Float(), nullable=True),
    sa.Column('home_lon', sa.Float(), nullable=True),
    sa.Column('last_lat', sa.Float(), nullable=True),
    sa.Column('last_lon', sa.Float(), nullable=True),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint('(home_lat IS NULL) = (home_lon IS NULL)', name=op.f('ck_technicians_home_lat_lon_together')),
    sa.CheckConstraint('(last_lat IS NULL) = (last_lon IS NULL)', name=op.f('ck_technicians_last_lat_lon_together')),
    sa.CheckConstraint('home_lat IS NULL OR (home_lat >= -90 AND home_lat <= 90)', name=op.f('ck_technicians_home_lat_range')),
    sa.CheckConstraint('home_lon IS NULL OR (home_lon >= -180 AND home_lon <= 180)', name=op.f('ck_technicians_home_lon_range')),
    sa.CheckConstraint('last_lat IS NULL OR (last_lat >= -90 AND last_lat <= 90)', name=op.f('ck_technicians_last_lat_range')),
    sa.CheckConstraint('last_lon IS NULL OR (last_lon >= -180 AND last_lon <= 180)', name=op.f('ck_technicians_last_lon_range')),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], name=op.f('fk_technicians_region_id_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_technicians')),
    sa.UniqueConstraint('employee_no', name=op.f('uq_technicians_employee_no'))
    )
    with op.batch_alter_table('technicians', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_technicians_region_id'), ['region_id'], unique=False)

    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.Enum('dispatcher', 'supervisor', 'admin', name='role', native_enum=False, create_constraint=True, length=18), nullable=False),
    sa.Column('region_id', sa.Uuid(), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], name=op.f('fk_users_region_id_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('calendar_years',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['imported_by'], ['users.id'], name=op.f('fk_calendar_years_imported_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_years')),
    sa.UniqueConstraint('year', name=op.f('uq_calendar_years_year'))
    )
    op.create_table('shifts',
    sa.Column('technician_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('day', 'night', 'on_call', name='shiftkind', native_enum=False, create_constraint=True, length=15), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('break_starts_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('break_ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_shifts_ends_after_start')),
    sa.ForeignKeyConstraint(['technician_id'], ['technicians.id'], name=op.f('fk_shifts_technician_id_technicians')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shifts'))
    )
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shifts_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_shifts_technician_id'), ['technician_id'], unique=False)

    op.create_table('sites',
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('district_id', sa.Uuid(), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('access_points', sa.Integer(), nullable=False),
    sa.Column('optical_box', sa.String(length=64), nullable=False),
    sa.Column('optical_port', sa.String(length=32), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint('(latitude IS NULL) = (longitude IS NULL)', name=op.f('ck_sites_lat_lon_together')),
    sa.CheckConstraint('access_points >= 1', name=op.f('ck_sites_access_points_positive')),
    sa.CheckConstraint('latitude IS NULL OR (latitude >= -90 AND latitude <= 90)', name=op.f('ck_sites_lat_range')),
    sa.CheckConstraint('longitude IS NULL OR (longitude >= -180 AND longitude <= 180)', name=op.f('ck_sites_lon_range')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_sites_customer_id_customers')),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_sites_district_id_districts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sites'))
    )
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sites_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sites_district_id'), ['district_id'], unique=False)

    op.create_table('appointments',
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('technician_id', sa.Uuid(), nullable=True),
    sa.Column('window_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('window_end', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'confirmed', 'reconfirmed', 'kept', 'missed', 'cancelled', name='appointmentstatus', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('contact_name', sa.String(length=64), nullable=False),
    sa.Column('contact_phone', sa.String(length=32), nullable=False),
    sa.Column('contact_method', sa.Enum('phone', 'sms', 'in_person', name='contactmethod', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('booked_by', sa.Uuid(), nullable=True),
    sa.Column('booked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reconfirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint('window_end > window_start', name=op.f('ck_appointments_window_ends_after_start')),
    sa.ForeignKeyConstraint(['booked_by'], ['users.id'], name=op.f('fk_appointments_booked_by_users')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_appointments_site_id_sites')),
    sa.ForeignKeyConstraint(['technician_id'], ['technicians.id'], name=op.f('fk_appointments_technician_id_technicians')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointments'))
    )
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointments_site_id'), ['site_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointments_technician_id'), ['technician_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointments_window_start'), ['window_start'], unique=False)

    op.create_table('services',
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('service_type', sa.Enum('internet_line', 'data_line', 'mpls_vpn', 'sd_wan', 'cloud_line', 'voice_trunk', name='servicetype', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('circuit_id', sa.String(length=64), nullable=False),
    sa.Column('assurance', sa.Enum('AAA', 'AA', 'A', 'ordinary', name='assurance', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('bandwidth_mbps', sa.Integer(), nullable=False),
    sa.Column('billing_started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_services_customer_id_customers')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_services_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_services')),
    sa.UniqueConstraint('circuit_id', name=op.f('uq_services_circuit_id'))
    )
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_services_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_site_id'), ['site_id'], unique=False)

    op.create_table('appointment_changes',
    sa.Column('appointment_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('booked', 'confirmed', 'rescheduled', 'reconfirmed', 'cancelled', 'merged', name='appointmentchangekind', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.Uuid(), nullable=True),
    sa.Column('contact_method', sa.Enum('phone', 'sms', 'in_person', name='contactmethod', native_enum=False, create_constraint=True, length=17), nullable=True),
    sa.Column('reason', sa.Enum('customer_request', 'customer_unreachable', 'site_not_ready', 'technician_unavailable', 'material_missing', 'weather', 'other', name='reschedulereason', native_enum=False, create_constraint=True, length=30), nullable=True),
    sa.Column('reason_text', sa.Text(), nullable=False),
    sa.Column('old_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('old_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('new_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('new_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint("kind != 'rescheduled' OR reason IS NOT NULL", name=op.f('ck_appointment_changes_reschedule_has_reason')),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointments.id'], name=op.f('fk_appointment_changes_appointment_id_appointments')),
    sa.ForeignKeyConstraint(['changed_by'], ['users.id'], name=op.f('fk_appointment_changes_changed_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment_changes'))
    )
    with op.batch_alter_table('appointment_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_changes_appointment_id'), ['appointment_id'], unique=False)

    op.create_table('work_orders',
    sa.Column('number', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.Enum('survey', 'provisioning', 'fault', 'complaint', name='orderkind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('status', sa.Enum('new', 'dispatched', 'accepted', 'in_progress', 'resolved', 'closed', 'cancelled', 'superseded', name='orderstatus', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('priority', sa.SmallInteger(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('site_id', sa.Uuid(), nullable=False),
    sa.Column('service_id', sa.Uuid(), nullable=True),
    sa.Column('region_id', sa.Uuid(), nullable=False),
    sa.Column('access_points', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sla_started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('response_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('responded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paused_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('current_step', sa.Enum('resource_check', 'construction', 'configuration', 'installation', 'test_delivery', name='provisioningstep', native_enum=False, create_constraint=True, length=22), nullable=True),
    sa.Column('assignee_id', sa.Uuid(), nullable=True),
    sa.Column('replaces_order_id', sa.Uuid(), nullable=True),
    sa.Column('upstream_ref', sa.String(length=64), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('billing_started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint("kind != 'fault' OR service_id IS NOT NULL", name=op.f('ck_work_orders_fault_has_service')),
    sa.CheckConstraint('access_points >= 1', name=op.f('ck_work_orders_access_points_positive')),
    sa.CheckConstraint('priority BETWEEN 1 AND 5', name=op.f('ck_work_orders_priority_range')),
    sa.CheckConstraint('replaces_order_id IS NULL OR replaces_order_id != id', name=op.f('ck_work_orders_not_replacing_itself')),
    sa.ForeignKeyConstraint(['assignee_id'], ['technicians.id'], name=op.f('fk_work_orders_assignee_id_technicians')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_work_orders_customer_id_customers')),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], name=op.f('fk_work_orders_region_id_regions')),
    sa.ForeignKeyConstraint(['replaces_order_id'], ['work_orders.id'], name=op.f('fk_work_orders_replaces_order_id_work_orders')),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_work_orders_service_id_services')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_work_orders_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_orders')),
    sa.UniqueConstraint('number', name=op.f('uq_work_orders_number')),
    sa.UniqueConstraint('upstream_ref', name=op.f('uq_work_orders_upstream_ref'))
    )
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_orders_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_kind'), ['kind'], unique=False)
        batch_op.create_index('ix_work_orders_open_due', ['status', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_received_at'), ['received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_region_id'), ['region_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_orders_site_id'), ['site_id'], unique=False)

    op.create_table('appointment_orders',
    sa.Column('appointment_id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointments.id'], name=op.f('fk_appointment_orders_appointment_id_appointments')),
    sa.ForeignKeyConstraint(['order_id'], ['work_orders.id'], name=op.f('fk_appointment_orders_order_id_work_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment_orders')),
    sa.UniqueConstraint('appointment_id', 'order_id', name=op.f('uq_appointment_orders_appointment_id_order_id'))
    )
    with op.batch_alter_table('appointment_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_orders_appointment_id'), ['appointment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointment_orders_order_id'), ['order_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('desk_id', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['work_orders.id'], name=op.f('fk_audit_log_order_id_work_orders')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_order_at', ['order_id', 'at'], unique=False)

    op.create_table('field_events',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('technician_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.Enum('check_in', 'exception', 'test_result', 'delivery_report', 'signature', 'satisfaction', name='fieldeventkind', native_enum=False, create_constraint=True, length=23), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('distance_m', sa.Float(), nullable=True),
    sa.Column('off_site', sa.Boolean(), nullable=False),
    sa.Column('exception_kind', sa.Enum('fiber_port_broken', 'fiber_port_taken', 'optical_box_unusable', name='exceptionkind', native_enum=False, create_constraint=True, length=28), nullable=True),
    sa.Column('rating', sa.Enum('very_satisfied', 'satisfied', 'neutral', 'dissatisfied', name='satisfactionrating', native_enum=False, create_constraint=True, length=22), nullable=True),
    sa.Column('respondent', sa.Enum('customer', 'account_manager', name='respondent', native_enum=False, create_constraint=True, length=23), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint("kind != 'check_in' OR (latitude IS NOT NULL AND longitude IS NOT NULL)", name=op.f('ck_field_events_check_in_has_position')),
    sa.CheckConstraint("kind != 'exception' OR exception_kind IS NOT NULL", name=op.f('ck_field_events_exception_has_kind')),
    sa.CheckConstraint("kind != 'satisfaction' OR rating IS NOT NULL", name=op.f('ck_field_events_satisfaction_has_rating')),
    sa.ForeignKeyConstraint(['order_id'], ['work_orders.id'], name=op.f('fk_field_events_order_id_work_orders')),
    sa.ForeignKeyConstraint(['technician_id'], ['technicians.id'], name=op.f('fk_field_events_technician_id_technicians')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_field_events'))
    )
    with op.batch_alter_table('field_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_field_events_kind'), ['kind'], unique=False)
        batch_op.create_index('ix_field_events_order_time', ['order_id', 'occurred_at'], unique=False)

    op.create_table('order_steps',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('step', sa.Enum('resource_check', 'construction', 'configuration', 'installation', 'test_delivery', name='provisioningstep', native_enum=False, create_constraint=True, length=22), nullable=False),
    sa.Column('seq', sa.SmallInteger(), nullable=False),
    sa.Column('department', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['work_orders.id'], name=op.f('fk_order_steps_order_id_work_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_steps')),
    sa.UniqueConstraint('order_id', 'step', name=op.f('uq_order_steps_order_id_step'))
    )
    with op.batch_alter_table('order_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_steps_order_id'), ['order_id'], unique=False)

    op.create_table('sla_pauses',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.Enum('customer_not_ready', 'customer_postponed', name='pausereason', native_enum=False, create_constraint=True, length=26), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('started_by', sa.Uuid(), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_by', sa.Uuid(), nullable=True),
    sa.Column('approved_by', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.CheckConstraint('ended_at IS NULL OR ended_at >= started_at', name=op.f('ck_sla_pauses_ends_after_start')),
    sa.ForeignKeyConstraint(['approved_by'], ['users.id'], name=op.f('fk_sla_pauses_approved_by_users')),
    sa.ForeignKeyConstraint(['ended_by'], ['users.id'], name=op.f('fk_sla_pauses_ended_by_users')),
    sa.ForeignKeyConstraint(['order_id'], ['work_orders.id'], name=op.f('fk_sla_pauses_order_id_work_orders')),
    sa.ForeignKeyConstraint(['started_by'], ['users.id'], name=op.f('fk_sla_pauses_started_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sla_pauses'))
    )
    with op.batch_alter_table('sla_pauses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sla_pauses_order_id'), ['order_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sla_pauses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sla_pauses_order_id'))

    op.drop_table('sla_pauses')
    with op.batch_alter_table('order_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_steps_order_id'))

    op.drop_table('order_steps')
    with op.batch_alter_table('field_events', schema=None) as batch_op:
        batch_op.drop_index('ix_field_events_order_time')
        batch_op.drop_index(batch_op.f('ix_field_events_kind'))

    op.drop_table('field_events')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_order_at')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    with op.batch_alter_table('appointment_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_orders_order_id'))
        batch_op.drop_index(batch_op.f('ix_appointment_orders_appointment_id'))

    op.drop_table('appointment_orders')
    with op.batch_alter_table('work_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_orders_site_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_service_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_region_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_received_at'))
        batch_op.drop_index('ix_work_orders_open_due')
        batch_op.drop_index(batch_op.f('ix_work_orders_kind'))
        batch_op.drop_index(batch_op.f('ix_work_orders_customer_id'))
        batch_op.drop_index(batch_op.f('ix_work_orders_assignee_id'))

    op.drop_table('work_orders')
    with op.batch_alter_table('appointment_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_changes_appointment_id'))

    op.drop_table('appointment_changes')
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_services_site_id'))
        batch_op.drop_index(batch_op.f('ix_services_customer_id'))

    op.drop_table('services')
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointments_window_start'))
        batch_op.drop_index(batch_op.f('ix_appointments_technician_id'))
        batch_op.drop_index(batch_op.f('ix_appointments_site_id'))

    op.drop_table('appointments')
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sites_district_id'))
        batch_op.drop_index(batch_op.f('ix_sites_customer_id'))

    op.drop_table('sites')
    with op.batch_alter_table('shifts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shifts_technician_id'))
        batch_op.drop_index(batch_op.f('ix_shifts_starts_at'))

    op.drop_table('shifts')
    op.drop_table('calendar_years')
    op.drop_table('users')
    with op.batch_alter_table('technicians', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_technicians_region_id'))

    op.drop_table('technicians')
    with op.batch_alter_table('districts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_districts_region_id'))

    op.drop_table('districts')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_region_id'))
        batch_op.drop_index(batch_op.f('ix_customers_level'))

    op.drop_table('customers')
    op.drop_table('sla_rules')
    op.drop_table('rule_parameters')
    op.drop_table('regions')
    op.drop_table('number_sequences')
    op.drop_table('local_meta')
    op.drop_table('calendar_overrides')
