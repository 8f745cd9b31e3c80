-- A database as GateRoster wrote it before Alembic (commit df6470c, schema_info.version 1,
-- no alembic_version table): the demo 玉带路社区 loaded for 2026-11-23, a saved roster of
-- that week (6 assignments, 2 shortages, a warning, a conflict) and one pin set by hand.
-- Made with that commit's RosterStore, dumped with sqlite3's .dump; do not edit.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_info (
	id INTEGER NOT NULL, 
	version INTEGER NOT NULL, 
	CONSTRAINT pk_schema_info PRIMARY KEY (id)
);
INSERT INTO schema_info VALUES(1,1);
CREATE TABLE communities (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	is_demo BOOLEAN NOT NULL, 
	work_start_min INTEGER NOT NULL, 
	work_end_min INTEGER NOT NULL, 
	max_slots_per_day INTEGER, 
	default_max_hours_per_week DOUBLE, 
	contact TEXT NOT NULL, 
	CONSTRAINT pk_communities PRIMARY KEY (id), 
	CONSTRAINT ck_communities_working_hours CHECK (work_end_min > work_start_min), 
	CONSTRAINT ck_communities_max_slots CHECK (max_slots_per_day IS NULL OR max_slots_per_day >= 1), 
	CONSTRAINT ck_communities_max_hours CHECK (default_max_hours_per_week IS NULL OR default_max_hours_per_week >= 0)
);
INSERT INTO communities VALUES(1,'玉带路社区',1,480,1080,2,12.0,'玉带路社区居委会 电话 010-8952 3716（工作日 8:00–18:00）');
CREATE TABLE calendar_overrides (
	id INTEGER NOT NULL, 
	community_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	is_workday BOOLEAN NOT NULL, 
	CONSTRAINT pk_calendar_overrides PRIMARY KEY (id), 
	CONSTRAINT uq_calendar_overrides_community_id UNIQUE (community_id, date), 
	CONSTRAINT fk_calendar_overrides_community_id_communities FOREIGN KEY(community_id) REFERENCES communities (id) ON DELETE CASCADE
);
CREATE TABLE gates (
	id INTEGER NOT NULL, 
	community_id INTEGER NOT NULL, 
	code VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	needs_party_member INTEGER NOT NULL, 
	CONSTRAINT pk_gates PRIMARY KEY (id), 
	CONSTRAINT uq_gates_community_id UNIQUE (community_id, code), 
	CONSTRAINT ck_gates_needs_party_member CHECK (needs_party_member >= 0), 
	CONSTRAINT fk_gates_community_id_communities FOREIGN KEY(community_id) REFERENCES communities (id) ON DELETE CASCADE
);
INSERT INTO gates VALUES(1,1,'east','东门',0,1);
INSERT INTO gates VALUES(2,1,'south','南门',1,0);
INSERT INTO gates VALUES(3,1,'west','西门',2,0);
INSERT INTO gates VALUES(4,1,'north','北门',3,0);
CREATE TABLE slots (
	id INTEGER NOT NULL, 
	community_id INTEGER NOT NULL, 
	code VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	start_min INTEGER NOT NULL, 
	end_min INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_slots PRIMARY KEY (id), 
	CONSTRAINT uq_slots_community_id UNIQUE (community_id, code), 
	CONSTRAINT ck_slots_times CHECK (end_min > start_min), 
	CONSTRAINT fk_slots_community_id_communities FOREIGN KEY(community_id) REFERENCES communities (id) ON DELETE CASCADE
);
INSERT INTO slots VALUES(1,1,'early','早班',360,480,0);
INSERT INTO slots VALUES(2,1,'am','上午',480,720,1);
INSERT INTO slots VALUES(3,1,'pm','下午',720,1080,2);
INSERT INTO slots VALUES(4,1,'eve','晚班',1080,1320,3);
CREATE TABLE volunteers (
	id INTEGER NOT NULL, 
	community_id INTEGER NOT NULL, 
	code VARCHAR(64) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	position INTEGER NOT NULL, 
	phone VARCHAR(64), 
	kind VARCHAR(32) NOT NULL, 
	party_member BOOLEAN NOT NULL, 
	employed BOOLEAN NOT NULL, 
	minor BOOLEAN NOT NULL, 
	building VARCHAR(100), 
	grid VARCHAR(100), 
	max_hours_per_week DOUBLE, 
	active BOOLEAN NOT NULL, 
	CONSTRAINT pk_volunteers PRIMARY KEY (id), 
	CONSTRAINT uq_volunteers_community_id UNIQUE (community_id, code), 
	CONSTRAINT ck_volunteers_max_hours CHECK (max_hours_per_week IS NULL OR max_hours_per_week >= 0), 
	CONSTRAINT fk_volunteers_community_id_communities FOREIGN KEY(community_id) REFERENCES communities (id) ON DELETE CASCADE
);
INSERT INTO volunteers VALUES(1,1,'v01','张桂兰',0,'13601187425','nonemployed_party',1,0,0,'3号楼','第一网格',10.0,1);
INSERT INTO volunteers VALUES(2,1,'v02','李秀英',1,'13910256738','nonemployed_party',1,0,0,'1号楼','第一网格',16.0,1);
INSERT INTO volunteers VALUES(3,1,'v03','王淑珍',2,'15810743219','nonemployed_party',1,0,0,'6号楼','第二网格',16.0,1);
INSERT INTO volunteers VALUES(4,1,'v04','刘凤兰',3,'13701092846','nonemployed_party',1,0,0,'9号楼','第二网格',NULL,1);
INSERT INTO volunteers VALUES(5,1,'v05','陈德福',4,'18610327754','nonemployed_party',1,0,0,'14号楼','第三网格',16.0,1);
INSERT INTO volunteers VALUES(6,1,'v06','杨玉珍',5,'13521864093','nonemployed_party',1,0,0,'7号楼','第二网格',NULL,1);
INSERT INTO volunteers VALUES(7,1,'v07','赵振华',6,'15901276480','nonemployed_party',1,0,0,'11号楼','第三网格',16.0,1);
INSERT INTO volunteers VALUES(8,1,'v08','黄秀云',7,'13801345672','nonemployed_party',1,0,0,'2号楼','第一网格',NULL,1);
INSERT INTO volunteers VALUES(9,1,'v09','徐长林',8,'18911023586','nonemployed_party',1,0,0,'15号楼','第三网格',16.0,1);
INSERT INTO volunteers VALUES(10,1,'v10','朱兰芳',9,'13661290347','nonemployed_party',1,0,0,'5号楼','第一网格',16.0,1);
INSERT INTO volunteers VALUES(11,1,'v11','王建军',10,'13810957264','employed_party',1,1,0,'2号楼','第一网格',NULL,1);
INSERT INTO volunteers VALUES(12,1,'v12','李海燕',11,'15210683395','employed_party',1,1,0,'8号楼','第二网格',10.0,1);
INSERT INTO volunteers VALUES(13,1,'v13','张伟东',12,'18501128876','employed_party',1,1,0,'12号楼','第三网格',NULL,1);
INSERT INTO volunteers VALUES(14,1,'v14','刘晓峰',13,'13522097148','employed_party',1,1,0,'4号楼','第一网格',NULL,1);
INSERT INTO volunteers VALUES(15,1,'v15','陈丽娟',14,'13911470382','employed_party',1,1,0,'10号楼','第二网格',8.0,1);
INSERT INTO volunteers VALUES(16,1,'v16','杨志刚',15,'18600945517','employed_party',1,1,0,'13号楼','第三网格',16.0,1);
INSERT INTO volunteers VALUES(17,1,'v17','赵磊',16,'15001236649','employed_party',1,1,0,'6号楼','第二网格',NULL,1);
INSERT INTO volunteers VALUES(18,1,'v18','孙红梅',17,'13693017285','employed_party',1,1,0,'1号楼','第一网格',NULL,1);
INSERT INTO volunteers VALUES(19,1,'v19','周鹏',18,'18811504932','employed_party',1,1,0,'16号楼','第三网格',NULL,1);
INSERT INTO volunteers VALUES(20,1,'v20','吴静',19,'13581926074','employed_party',1,1,0,'9号楼','第二网格',NULL,1);
INSERT INTO volunteers VALUES(21,1,'v21','郑国庆',20,'15311087463','employed_party',1,1,0,'5号楼','第一网格',NULL,1);
INSERT INTO volunteers VALUES(22,1,'v22','马卫国',21,'13901358820','cadre',1,1,0,'3号楼','第一网格',16.0,1);
INSERT INTO volunteers VALUES(23,1,'v23','胡晓明',22,'18510279631','cadre',1,1,0,'11号楼','第三网格',16.0,1);
INSERT INTO volunteers VALUES(24,1,'v24','高雅琴',23,'13718460259','cadre',1,1,0,'7号楼','第二网格',16.0,1);
INSERT INTO volunteers VALUES(25,1,'v25','何晓燕',24,'15600187346','community_worker',1,0,0,'4号楼','第一网格',16.0,1);
INSERT INTO volunteers VALUES(26,1,'v26','郭静怡',25,'13520948713','community_worker',1,0,0,'10号楼','第二网格',16.0,1);
INSERT INTO volunteers VALUES(27,1,'v27','林志强',26,'18701362594','community_worker',0,0,0,'8号楼','第二网格',16.0,1);
INSERT INTO volunteers VALUES(28,1,'v28','谢思远',27,'13811273065','social_worker',0,0,0,'12号楼','第三网格',NULL,1);
INSERT INTO volunteers VALUES(29,1,'v29','宋春生',28,'13601052798','resident',0,0,0,'14号楼','第三网格',NULL,1);
INSERT INTO volunteers VALUES(30,1,'v30','韩美玲',29,'15801339246','resident',0,0,0,'6号楼','第二网格',10.0,1);
INSERT INTO volunteers VALUES(31,1,'v31','唐国华',30,'18612078453','resident',0,1,0,'9号楼','第二网格',NULL,1);
INSERT INTO volunteers VALUES(32,1,'v32','冯建平',31,'13910864127','resident',0,1,0,'15号楼','第三网格',NULL,1);
INSERT INTO volunteers VALUES(33,1,'v33','董丽华',32,'15010426938','resident',0,0,0,'2号楼','第一网格',NULL,1);
INSERT INTO volunteers VALUES(34,1,'v34','曹雨萱',33,'18801157620','youth',0,0,0,'10号楼','第二网格',NULL,1);
INSERT INTO volunteers VALUES(35,1,'v35','许博文',34,'13552609481','youth',0,0,0,'13号楼','第三网格',NULL,1);
INSERT INTO volunteers VALUES(36,1,'v36','邓嘉怡',35,'15711930264','youth',0,0,0,'5号楼','第一网格',10.0,1);
INSERT INTO volunteers VALUES(37,1,'v37','彭子涵',36,'13699124058','minor',0,0,1,'3号楼','第一网格',6.0,1);
INSERT INTO volunteers VALUES(38,1,'v38','蒋一诺',37,'18911760435','minor',0,0,1,'7号楼','第二网格',6.0,1);
CREATE TABLE weeks (
	id INTEGER NOT NULL, 
	community_id INTEGER NOT NULL, 
	start_date DATE NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	solver_status VARCHAR(16), 
	objective INTEGER, 
	bound INTEGER, 
	wall_time_s DOUBLE, 
	solved_at DATETIME, 
	warnings JSON NOT NULL, 
	conflicts JSON NOT NULL, 
	CONSTRAINT pk_weeks PRIMARY KEY (id), 
	CONSTRAINT uq_weeks_community_id UNIQUE (community_id, start_date), 
	CONSTRAINT fk_weeks_community_id_communities FOREIGN KEY(community_id) REFERENCES communities (id) ON DELETE CASCADE
);
INSERT INTO weeks VALUES(1,1,'2026-11-23','draft','FEASIBLE',1234,1200,0.41999999999999998445,'2026-11-23 16:36:56.784491','["\u8282\u5047\u65e5\u5b89\u6392\u672a\u77e5"]','[{"rule": "pin_unavailable", "message": "v22 \u4e0d\u5728\u53ef\u503c\u73ed\u65f6\u95f4", "pins": [{"volunteer": "v22", "gate": "east", "date": "2026-11-23", "slot": "early", "pinned": true}]}]');
CREATE TABLE gate_skill_needs (
	gate_id INTEGER NOT NULL, 
	skill VARCHAR(64) NOT NULL, 
	count INTEGER NOT NULL, 
	CONSTRAINT pk_gate_skill_needs PRIMARY KEY (gate_id, skill), 
	CONSTRAINT ck_gate_skill_needs_count CHECK (count >= 0), 
	CONSTRAINT fk_gate_skill_needs_gate_id_gates FOREIGN KEY(gate_id) REFERENCES gates (id) ON DELETE CASCADE
);
CREATE TABLE demand_rules (
	id INTEGER NOT NULL, 
	gate_id INTEGER NOT NULL, 
	slot_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	min_people INTEGER NOT NULL, 
	max_people INTEGER NOT NULL, 
	days_kind VARCHAR(16) NOT NULL, 
	CONSTRAINT pk_demand_rules PRIMARY KEY (id), 
	CONSTRAINT ck_demand_rules_min_max CHECK (min_people >= 0 AND max_people >= min_people), 
	CONSTRAINT ck_demand_rules_days_kind CHECK (days_kind IN ('all', 'workdays', 'rest_days', 'dates')), 
	CONSTRAINT fk_demand_rules_gate_id_gates FOREIGN KEY(gate_id) REFERENCES gates (id) ON DELETE CASCADE, 
	CONSTRAINT fk_demand_rules_slot_id_slots FOREIGN KEY(slot_id) REFERENCES slots (id) ON DELETE CASCADE
);
INSERT INTO demand_rules VALUES(1,1,1,0,2,3,'all');
INSERT INTO demand_rules VALUES(2,1,2,1,2,3,'rest_days');
INSERT INTO demand_rules VALUES(3,1,2,2,1,3,'workdays');
INSERT INTO demand_rules VALUES(4,1,3,3,2,3,'rest_days');
INSERT INTO demand_rules VALUES(5,1,3,4,1,3,'workdays');
INSERT INTO demand_rules VALUES(6,1,4,5,2,3,'all');
INSERT INTO demand_rules VALUES(7,2,1,0,1,2,'all');
INSERT INTO demand_rules VALUES(8,2,2,1,1,2,'all');
INSERT INTO demand_rules VALUES(9,2,3,2,1,2,'all');
INSERT INTO demand_rules VALUES(10,2,4,3,1,2,'all');
INSERT INTO demand_rules VALUES(11,2,1,4,2,2,'workdays');
INSERT INTO demand_rules VALUES(12,2,4,5,2,2,'workdays');
INSERT INTO demand_rules VALUES(13,3,2,0,1,2,'all');
INSERT INTO demand_rules VALUES(14,3,3,1,1,2,'all');
INSERT INTO demand_rules VALUES(15,3,4,2,1,2,'all');
INSERT INTO demand_rules VALUES(16,4,1,0,1,2,'workdays');
INSERT INTO demand_rules VALUES(17,4,4,1,1,2,'workdays');
CREATE TABLE volunteer_skills (
	volunteer_id INTEGER NOT NULL, 
	skill VARCHAR(64) NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_volunteer_skills PRIMARY KEY (volunteer_id, skill), 
	CONSTRAINT fk_volunteer_skills_volunteer_id_volunteers FOREIGN KEY(volunteer_id) REFERENCES volunteers (id) ON DELETE CASCADE
);
INSERT INTO volunteer_skills VALUES(8,'medical',0);
INSERT INTO volunteer_skills VALUES(28,'psychology',0);
INSERT INTO volunteer_skills VALUES(34,'translation',0);
CREATE TABLE availability (
	volunteer_id INTEGER NOT NULL, 
	weekday INTEGER NOT NULL, 
	slot_id INTEGER NOT NULL, 
	CONSTRAINT pk_availability PRIMARY KEY (volunteer_id, weekday, slot_id), 
	CONSTRAINT ck_availability_weekday CHECK (weekday BETWEEN 0 AND 6), 
	CONSTRAINT fk_availability_volunteer_id_volunteers FOREIGN KEY(volunteer_id) REFERENCES volunteers (id) ON DELETE CASCADE, 
	CONSTRAINT fk_availability_slot_id_slots FOREIGN KEY(slot_id) REFERENCES slots (id) ON DELETE CASCADE
);
INSERT INTO availability VALUES(1,0,2);
INSERT INTO availability VALUES(1,0,3);
INSERT INTO availability VALUES(1,1,2);
INSERT INTO availability VALUES(1,1,3);
INSERT INTO availability VALUES(1,2,2);
INSERT INTO availability VALUES(1,2,3);
INSERT INTO availability VALUES(1,3,2);
INSERT INTO availability VALUES(1,3,3);
INSERT INTO availability VALUES(1,4,2);
INSERT INTO availability VALUES(1,4,3);
INSERT INTO availability VALUES(1,5,2);
INSERT INTO availability VALUES(2,0,1);
INSERT INTO availability VALUES(2,0,2);
INSERT INTO availability VALUES(2,1,1);
INSERT INTO availability VALUES(2,1,2);
INSERT INTO availability VALUES(2,2,1);
INSERT INTO availability VALUES(2,2,2);
INSERT INTO availability VALUES(2,3,1);
INSERT INTO availability VALUES(2,3,2);
INSERT INTO availability VALUES(2,4,1);
INSERT INTO availability VALUES(2,4,2);
INSERT INTO availability VALUES(2,6,2);
INSERT INTO availability VALUES(3,0,2);
INSERT INTO availability VALUES(3,0,3);
INSERT INTO availability VALUES(3,1,2);
INSERT INTO availability VALUES(3,1,3);
INSERT INTO availability VALUES(3,2,2);
INSERT INTO availability VALUES(3,2,3);
INSERT INTO availability VALUES(3,3,2);
INSERT INTO availability VALUES(3,3,3);
INSERT INTO availability VALUES(3,4,2);
INSERT INTO availability VALUES(3,4,3);
INSERT INTO availability VALUES(3,5,2);
INSERT INTO availability VALUES(3,5,3);
INSERT INTO availability VALUES(4,0,2);
INSERT INTO availability VALUES(4,0,3);
INSERT INTO availability VALUES(4,1,2);
INSERT INTO availability VALUES(4,2,2);
INSERT INTO availability VALUES(4,2,3);
INSERT INTO availability VALUES(4,3,2);
INSERT INTO availability VALUES(4,4,2);
INSERT INTO availability VALUES(4,4,3);
INSERT INTO availability VALUES(5,0,1);
INSERT INTO availability VALUES(5,0,2);
INSERT INTO availability VALUES(5,0,3);
INSERT INTO availability VALUES(5,1,1);
INSERT INTO availability VALUES(5,1,2);
INSERT INTO availability VALUES(5,1,3);
INSERT INTO availability VALUES(5,2,1);
INSERT INTO availability VALUES(5,2,2);
INSERT INTO availability VALUES(5,2,3);
INSERT INTO availability VALUES(5,3,1);
INSERT INTO availability VALUES(5,3,2);
INSERT INTO availability VALUES(5,3,3);
INSERT INTO availability VALUES(5,4,1);
INSERT INTO availability VALUES(5,4,2);
INSERT INTO availability VALUES(5,4,3);
INSERT INTO availability VALUES(6,1,3);
INSERT INTO availability VALUES(6,2,3);
INSERT INTO availability VALUES(6,3,3);
INSERT INTO availability VALUES(6,4,3);
INSERT INTO availability VALUES(6,5,3);
INSERT INTO availability VALUES(6,6,3);
INSERT INTO availability VALUES(7,0,2);
INSERT INTO availability VALUES(7,0,3);
INSERT INTO availability VALUES(7,0,4);
INSERT INTO availability VALUES(7,1,2);
INSERT INTO availability VALUES(7,1,3);
INSERT INTO availability VALUES(7,1,4);
INSERT INTO availability VALUES(7,2,2);
INSERT INTO availability VALUES(7,2,3);
INSERT INTO availability VALUES(7,2,4);
INSERT INTO availability VALUES(7,3,2);
INSERT INTO availability VALUES(7,3,3);
INSERT INTO availability VALUES(7,3,4);
INSERT INTO availability VALUES(7,4,2);
INSERT INTO availability VALUES(7,4,3);
INSERT INTO availability VALUES(7,4,4);
INSERT INTO availability VALUES(8,0,2);
INSERT INTO availability VALUES(8,1,2);
INSERT INTO availability VALUES(8,2,2);
INSERT INTO availability VALUES(8,3,2);
INSERT INTO availability VALUES(8,4,2);
INSERT INTO availability VALUES(8,5,2);
INSERT INTO availability VALUES(8,5,3);
INSERT INTO availability VALUES(8,6,2);
INSERT INTO availability VALUES(8,6,3);
INSERT INTO availability VALUES(9,0,1);
INSERT INTO availability VALUES(9,0,3);
INSERT INTO availability VALUES(9,1,1);
INSERT INTO availability VALUES(9,1,3);
INSERT INTO availability VALUES(9,2,1);
INSERT INTO availability VALUES(9,2,3);
INSERT INTO availability VALUES(9,3,1);
INSERT INTO availability VALUES(9,3,3);
INSERT INTO availability VALUES(9,4,1);
INSERT INTO availability VALUES(9,4,3);
INSERT INTO availability VALUES(10,0,2);
INSERT INTO availability VALUES(10,0,3);
INSERT INTO availability VALUES(10,1,2);
INSERT INTO availability VALUES(10,1,3);
INSERT INTO availability VALUES(10,2,2);
INSERT INTO availability VALUES(10,2,3);
INSERT INTO availability VALUES(10,3,2);
INSERT INTO availability VALUES(10,3,3);
INSERT INTO availability VALUES(10,6,3);
INSERT INTO availability VALUES(11,0,1);
INSERT INTO availability VALUES(11,0,4);
INSERT INTO availability VALUES(11,1,1);
INSERT INTO availability VALUES(11,1,4);
INSERT INTO availability VALUES(11,2,1);
INSERT INTO availability VALUES(11,2,4);
INSERT INTO availability VALUES(11,3,1);
INSERT INTO availability VALUES(11,3,4);
INSERT INTO availability VALUES(11,4,1);
INSERT INTO availability VALUES(11,4,4);
INSERT INTO availability VALUES(11,5,2);
INSERT INTO availability VALUES(11,5,3);
INSERT INTO availability VALUES(12,0,4);
INSERT INTO availability VALUES(12,2,4);
INSERT INTO availability VALUES(12,4,4);
INSERT INTO availability VALUES(12,5,2);
INSERT INTO availability VALUES(12,5,4);
INSERT INTO availability VALUES(12,6,2);
INSERT INTO availability VALUES(12,6,4);
INSERT INTO availability VALUES(13,0,1);
INSERT INTO availability VALUES(13,1,1);
INSERT INTO availability VALUES(13,2,1);
INSERT INTO availability VALUES(13,3,1);
INSERT INTO availability VALUES(13,4,1);
INSERT INTO availability VALUES(13,6,1);
INSERT INTO availability VALUES(13,6,2);
INSERT INTO availability VALUES(13,6,3);
INSERT INTO availability VALUES(14,1,1);
INSERT INTO availability VALUES(14,1,4);
INSERT INTO availability VALUES(14,3,1);
INSERT INTO availability VALUES(14,3,4);
INSERT INTO availability VALUES(14,5,1);
INSERT INTO availability VALUES(14,5,2);
INSERT INTO availability VALUES(14,5,3);
INSERT INTO availability VALUES(14,5,4);
INSERT INTO availability VALUES(15,0,4);
INSERT INTO availability VALUES(15,1,4);
INSERT INTO availability VALUES(15,2,4);
INSERT INTO availability VALUES(15,3,4);
INSERT INTO availability VALUES(15,6,2);
INSERT INTO availability VALUES(15,6,3);
INSERT INTO availability VALUES(16,0,1);
INSERT INTO availability VALUES(16,0,4);
INSERT INTO availability VALUES(16,1,1);
INSERT INTO availability VALUES(16,1,4);
INSERT INTO availability VALUES(16,2,1);
INSERT INTO availability VALUES(16,2,4);
INSERT INTO availability VALUES(16,3,1);
INSERT INTO availability VALUES(16,3,4);
INSERT INTO availability VALUES(16,4,1);
INSERT INTO availability VALUES(16,4,4);
INSERT INTO availability VALUES(16,5,4);
INSERT INTO availability VALUES(16,6,4);
INSERT INTO availability VALUES(17,0,4);
INSERT INTO availability VALUES(17,1,4);
INSERT INTO availability VALUES(17,2,4);
INSERT INTO availability VALUES(17,3,4);
INSERT INTO availability VALUES(17,4,4);
INSERT INTO availability VALUES(17,5,3);
INSERT INTO availability VALUES(17,5,4);
INSERT INTO availability VALUES(18,0,1);
INSERT INTO availability VALUES(18,1,1);
INSERT INTO availability VALUES(18,2,1);
INSERT INTO availability VALUES(18,5,1);
INSERT INTO availability VALUES(18,5,2);
INSERT INTO availability VALUES(18,6,1);
INSERT INTO availability VALUES(18,6,2);
INSERT INTO availability VALUES(19,0,1);
INSERT INTO availability VALUES(19,0,4);
INSERT INTO availability VALUES(19,1,1);
INSERT INTO availability VALUES(19,1,4);
INSERT INTO availability VALUES(19,2,1);
INSERT INTO availability VALUES(19,2,4);
INSERT INTO availability VALUES(19,3,1);
INSERT INTO availability VALUES(19,3,4);
INSERT INTO availability VALUES(19,4,1);
INSERT INTO availability VALUES(19,4,4);
INSERT INTO availability VALUES(19,6,3);
INSERT INTO availability VALUES(19,6,4);
INSERT INTO availability VALUES(20,2,4);
INSERT INTO availability VALUES(20,3,4);
INSERT INTO availability VALUES(20,4,4);
INSERT INTO availability VALUES(20,5,2);
INSERT INTO availability VALUES(20,5,3);
INSERT INTO availability VALUES(20,6,2);
INSERT INTO availability VALUES(20,6,3);
INSERT INTO availability VALUES(21,0,1);
INSERT INTO availability VALUES(21,1,1);
INSERT INTO availability VALUES(21,2,1);
INSERT INTO availability VALUES(21,3,1);
INSERT INTO availability VALUES(21,4,1);
INSERT INTO availability VALUES(21,5,1);
INSERT INTO availability VALUES(21,5,4);
INSERT INTO availability VALUES(21,6,1);
INSERT INTO availability VALUES(21,6,4);
INSERT INTO availability VALUES(22,0,1);
INSERT INTO availability VALUES(22,0,4);
INSERT INTO availability VALUES(22,1,1);
INSERT INTO availability VALUES(22,1,4);
INSERT INTO availability VALUES(22,2,1);
INSERT INTO availability VALUES(22,2,4);
INSERT INTO availability VALUES(22,3,1);
INSERT INTO availability VALUES(22,3,4);
INSERT INTO availability VALUES(22,4,1);
INSERT INTO availability VALUES(22,4,4);
INSERT INTO availability VALUES(22,5,2);
INSERT INTO availability VALUES(22,5,3);
INSERT INTO availability VALUES(23,0,1);
INSERT INTO availability VALUES(23,0,4);
INSERT INTO availability VALUES(23,1,1);
INSERT INTO availability VALUES(23,1,4);
INSERT INTO availability VALUES(23,2,1);
INSERT INTO availability VALUES(23,2,4);
INSERT INTO availability VALUES(23,3,1);
INSERT INTO availability VALUES(23,3,4);
INSERT INTO availability VALUES(23,4,1);
INSERT INTO availability VALUES(23,4,4);
INSERT INTO availability VALUES(23,6,2);
INSERT INTO availability VALUES(23,6,3);
INSERT INTO availability VALUES(24,0,4);
INSERT INTO availability VALUES(24,1,4);
INSERT INTO availability VALUES(24,2,4);
INSERT INTO availability VALUES(24,3,4);
INSERT INTO availability VALUES(24,4,4);
INSERT INTO availability VALUES(24,5,2);
INSERT INTO availability VALUES(24,5,3);
INSERT INTO availability VALUES(24,5,4);
INSERT INTO availability VALUES(24,6,2);
INSERT INTO availability VALUES(24,6,3);
INSERT INTO availability VALUES(24,6,4);
INSERT INTO availability VALUES(25,0,2);
INSERT INTO availability VALUES(25,0,3);
INSERT INTO availability VALUES(25,1,2);
INSERT INTO availability VALUES(25,1,3);
INSERT INTO availability VALUES(25,2,2);
INSERT INTO availability VALUES(25,2,3);
INSERT INTO availability VALUES(25,3,2);
INSERT INTO availability VALUES(25,3,3);
INSERT INTO availability VALUES(25,4,2);
INSERT INTO availability VALUES(25,4,3);
INSERT INTO availability VALUES(26,0,2);
INSERT INTO availability VALUES(26,0,3);
INSERT INTO availability VALUES(26,1,2);
INSERT INTO availability VALUES(26,1,3);
INSERT INTO availability VALUES(26,2,2);
INSERT INTO availability VALUES(26,2,3);
INSERT INTO availability VALUES(26,3,2);
INSERT INTO availability VALUES(26,3,3);
INSERT INTO availability VALUES(26,4,2);
INSERT INTO availability VALUES(26,4,3);
INSERT INTO availability VALUES(27,0,2);
INSERT INTO availability VALUES(27,0,3);
INSERT INTO availability VALUES(27,1,2);
INSERT INTO availability VALUES(27,1,3);
INSERT INTO availability VALUES(27,2,2);
INSERT INTO availability VALUES(27,2,3);
INSERT INTO availability VALUES(27,3,2);
INSERT INTO availability VALUES(27,3,3);
INSERT INTO availability VALUES(27,4,2);
INSERT INTO availability VALUES(27,4,3);
INSERT INTO availability VALUES(27,5,2);
INSERT INTO availability VALUES(28,0,2);
INSERT INTO availability VALUES(28,0,3);
INSERT INTO availability VALUES(28,1,2);
INSERT INTO availability VALUES(28,1,3);
INSERT INTO availability VALUES(28,2,2);
INSERT INTO availability VALUES(28,2,3);
INSERT INTO availability VALUES(28,3,2);
INSERT INTO availability VALUES(28,3,3);
INSERT INTO availability VALUES(28,4,2);
INSERT INTO availability VALUES(28,4,3);
INSERT INTO availability VALUES(28,5,3);
INSERT INTO availability VALUES(29,0,1);
INSERT INTO availability VALUES(29,0,2);
INSERT INTO availability VALUES(29,1,1);
INSERT INTO availability VALUES(29,1,2);
INSERT INTO availability VALUES(29,2,1);
INSERT INTO availability VALUES(29,2,2);
INSERT INTO availability VALUES(29,3,1);
INSERT INTO availability VALUES(29,3,2);
INSERT INTO availability VALUES(29,4,1);
INSERT INTO availability VALUES(29,4,2);
INSERT INTO availability VALUES(29,5,1);
INSERT INTO availability VALUES(29,5,2);
INSERT INTO availability VALUES(29,6,1);
INSERT INTO availability VALUES(29,6,2);
INSERT INTO availability VALUES(30,0,2);
INSERT INTO availability VALUES(30,0,3);
INSERT INTO availability VALUES(30,1,2);
INSERT INTO availability VALUES(30,1,3);
INSERT INTO availability VALUES(30,2,2);
INSERT INTO availability VALUES(30,2,3);
INSERT INTO availability VALUES(30,3,2);
INSERT INTO availability VALUES(30,3,3);
INSERT INTO availability VALUES(30,4,2);
INSERT INTO availability VALUES(30,4,3);
INSERT INTO availability VALUES(31,0,4);
INSERT INTO availability VALUES(31,1,4);
INSERT INTO availability VALUES(31,2,4);
INSERT INTO availability VALUES(31,3,4);
INSERT INTO availability VALUES(31,4,4);
INSERT INTO availability VALUES(31,5,2);
INSERT INTO availability VALUES(31,5,3);
INSERT INTO availability VALUES(31,5,4);
INSERT INTO availability VALUES(31,6,2);
INSERT INTO availability VALUES(31,6,3);
INSERT INTO availability VALUES(31,6,4);
INSERT INTO availability VALUES(32,1,1);
INSERT INTO availability VALUES(32,1,4);
INSERT INTO availability VALUES(32,3,1);
INSERT INTO availability VALUES(32,3,4);
INSERT INTO availability VALUES(32,6,1);
INSERT INTO availability VALUES(32,6,2);
INSERT INTO availability VALUES(33,0,3);
INSERT INTO availability VALUES(33,2,3);
INSERT INTO availability VALUES(33,4,3);
INSERT INTO availability VALUES(33,5,2);
INSERT INTO availability VALUES(33,5,3);
INSERT INTO availability VALUES(34,0,4);
INSERT INTO availability VALUES(34,1,4);
INSERT INTO availability VALUES(34,2,4);
INSERT INTO availability VALUES(34,3,4);
INSERT INTO availability VALUES(34,4,4);
INSERT INTO availability VALUES(34,5,2);
INSERT INTO availability VALUES(34,5,3);
INSERT INTO availability VALUES(34,6,2);
INSERT INTO availability VALUES(34,6,3);
INSERT INTO availability VALUES(35,0,4);
INSERT INTO availability VALUES(35,1,4);
INSERT INTO availability VALUES(35,2,4);
INSERT INTO availability VALUES(35,3,4);
INSERT INTO availability VALUES(35,4,4);
INSERT INTO availability VALUES(35,5,1);
INSERT INTO availability VALUES(35,5,2);
INSERT INTO availability VALUES(35,5,3);
INSERT INTO availability VALUES(35,5,4);
INSERT INTO availability VALUES(36,1,4);
INSERT INTO availability VALUES(36,2,4);
INSERT INTO availability VALUES(36,3,4);
INSERT INTO availability VALUES(36,4,4);
INSERT INTO availability VALUES(36,6,2);
INSERT INTO availability VALUES(36,6,3);
INSERT INTO availability VALUES(36,6,4);
INSERT INTO availability VALUES(37,5,2);
INSERT INTO availability VALUES(37,5,3);
INSERT INTO availability VALUES(37,6,2);
INSERT INTO availability VALUES(37,6,3);
INSERT INTO availability VALUES(38,5,2);
INSERT INTO availability VALUES(38,5,3);
INSERT INTO availability VALUES(38,6,2);
INSERT INTO availability VALUES(38,6,3);
CREATE TABLE unavailable_dates (
	volunteer_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	CONSTRAINT pk_unavailable_dates PRIMARY KEY (volunteer_id, date), 
	CONSTRAINT fk_unavailable_dates_volunteer_id_volunteers FOREIGN KEY(volunteer_id) REFERENCES volunteers (id) ON DELETE CASCADE
);
INSERT INTO unavailable_dates VALUES(5,'2026-11-25');
INSERT INTO unavailable_dates VALUES(18,'2026-11-28');
CREATE TABLE preferred_gates (
	volunteer_id INTEGER NOT NULL, 
	gate_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_preferred_gates PRIMARY KEY (volunteer_id, gate_id), 
	CONSTRAINT fk_preferred_gates_volunteer_id_volunteers FOREIGN KEY(volunteer_id) REFERENCES volunteers (id) ON DELETE CASCADE, 
	CONSTRAINT fk_preferred_gates_gate_id_gates FOREIGN KEY(gate_id) REFERENCES gates (id) ON DELETE CASCADE
);
INSERT INTO preferred_gates VALUES(1,1,0);
INSERT INTO preferred_gates VALUES(2,1,0);
INSERT INTO preferred_gates VALUES(4,3,0);
INSERT INTO preferred_gates VALUES(6,2,0);
INSERT INTO preferred_gates VALUES(8,1,0);
INSERT INTO preferred_gates VALUES(10,2,0);
INSERT INTO preferred_gates VALUES(11,1,0);
INSERT INTO preferred_gates VALUES(14,1,0);
INSERT INTO preferred_gates VALUES(16,4,0);
INSERT INTO preferred_gates VALUES(18,1,0);
INSERT INTO preferred_gates VALUES(21,2,0);
INSERT INTO preferred_gates VALUES(29,4,0);
INSERT INTO preferred_gates VALUES(32,4,0);
INSERT INTO preferred_gates VALUES(35,4,0);
CREATE TABLE assignments (
	id INTEGER NOT NULL, 
	week_id INTEGER NOT NULL, 
	volunteer_id INTEGER NOT NULL, 
	gate_id INTEGER NOT NULL, 
	slot_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	pinned BOOLEAN NOT NULL, 
	CONSTRAINT pk_assignments PRIMARY KEY (id), 
	CONSTRAINT uq_assignments_week_id UNIQUE (week_id, volunteer_id, gate_id, date, slot_id), 
	CONSTRAINT fk_assignments_week_id_weeks FOREIGN KEY(week_id) REFERENCES weeks (id) ON DELETE CASCADE, 
	CONSTRAINT fk_assignments_volunteer_id_volunteers FOREIGN KEY(volunteer_id) REFERENCES volunteers (id) ON DELETE CASCADE, 
	CONSTRAINT fk_assignments_gate_id_gates FOREIGN KEY(gate_id) REFERENCES gates (id) ON DELETE CASCADE, 
	CONSTRAINT fk_assignments_slot_id_slots FOREIGN KEY(slot_id) REFERENCES slots (id) ON DELETE CASCADE
);
INSERT INTO assignments VALUES(1,1,11,1,1,'2026-11-23',1);
INSERT INTO assignments VALUES(2,1,22,1,1,'2026-11-23',1);
INSERT INTO assignments VALUES(3,1,21,2,1,'2026-11-23',0);
INSERT INTO assignments VALUES(4,1,1,1,2,'2026-11-23',0);
INSERT INTO assignments VALUES(5,1,8,1,2,'2026-11-28',1);
INSERT INTO assignments VALUES(6,1,37,1,2,'2026-11-28',0);
CREATE TABLE shortages (
	id INTEGER NOT NULL, 
	week_id INTEGER NOT NULL, 
	gate_id INTEGER NOT NULL, 
	slot_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	missing INTEGER NOT NULL, 
	unmet_needs JSON NOT NULL, 
	reason TEXT NOT NULL, 
	CONSTRAINT pk_shortages PRIMARY KEY (id), 
	CONSTRAINT uq_shortages_week_id UNIQUE (week_id, gate_id, date, slot_id), 
	CONSTRAINT ck_shortages_missing CHECK (missing >= 0), 
	CONSTRAINT fk_shortages_week_id_weeks FOREIGN KEY(week_id) REFERENCES weeks (id) ON DELETE CASCADE, 
	CONSTRAINT fk_shortages_gate_id_gates FOREIGN KEY(gate_id) REFERENCES gates (id) ON DELETE CASCADE, 
	CONSTRAINT fk_shortages_slot_id_slots FOREIGN KEY(slot_id) REFERENCES slots (id) ON DELETE CASCADE
);
INSERT INTO shortages VALUES(1,1,4,1,'2026-11-23',1,'{"party_member": 0, "skills": {}}','没有可值班的人');
INSERT INTO shortages VALUES(2,1,1,4,'2026-11-24',2,'{"party_member": 1, "skills": {"translation": 1}}','需要 2 人，已排 0 人');
CREATE TABLE demand_rule_dates (
	rule_id INTEGER NOT NULL, 
	date DATE NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_demand_rule_dates PRIMARY KEY (rule_id, date), 
	CONSTRAINT fk_demand_rule_dates_rule_id_demand_rules FOREIGN KEY(rule_id) REFERENCES demand_rules (id) ON DELETE CASCADE
);
CREATE INDEX ix_calendar_overrides_community_id ON calendar_overrides (community_id);
CREATE INDEX ix_gates_community_id ON gates (community_id);
CREATE INDEX ix_slots_community_id ON slots (community_id);
CREATE INDEX ix_volunteers_community_id ON volunteers (community_id);
CREATE INDEX ix_weeks_community_id ON weeks (community_id);
CREATE INDEX ix_demand_rules_gate_id ON demand_rules (gate_id);
CREATE INDEX ix_demand_rules_slot_id ON demand_rules (slot_id);
CREATE INDEX ix_availability_slot_id ON availability (slot_id);
CREATE INDEX ix_preferred_gates_gate_id ON preferred_gates (gate_id);
CREATE INDEX ix_assignments_volunteer_id ON assignments (volunteer_id);
CREATE INDEX ix_assignments_slot_id ON assignments (slot_id);
CREATE INDEX ix_assignments_week_id ON assignments (week_id);
CREATE INDEX ix_assignments_gate_id ON assignments (gate_id);
CREATE INDEX ix_shortages_gate_id ON shortages (gate_id);
CREATE INDEX ix_shortages_week_id ON shortages (week_id);
CREATE INDEX ix_shortages_slot_id ON shortages (slot_id);
COMMIT;
