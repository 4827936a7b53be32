-- The request catalogue: data a process designer can change (PUT /api/request-categories/{code}).
create table request_category (
  code             varchar(32)  not null primary key,
  name             varchar(100) not null,
  name_en          varchar(100) not null,
  type             varchar(16)  not null,
  handling_level   varchar(16)  not null,
  department_code  varchar(16),
  time_limit_days  int          not null,
  sort_order       int          not null,
  active           boolean      not null
);

-- What the resident told us, and the reply; one row per request case.
create table resident_request (
  case_id        bigint        not null primary key references case_file (id),
  case_number    varchar(32)   not null,
  channel        varchar(16)   not null,
  description    varchar(4000) not null,
  address        varchar(200)  not null,
  latitude       decimal(9, 6),
  longitude      decimal(9, 6),
  resident_name  varchar(50)   not null,
  resident_phone varchar(20)   not null,
  resident_email varchar(254),
  reply          varchar(4000),
  replied_at     timestamp,
  rating_token   varchar(64),
  created_at     timestamp     not null,
  constraint uq_resident_request_number unique (case_number),
  constraint uq_resident_request_token unique (rating_token)
);
create index ix_resident_request_phone on resident_request (resident_phone);

insert into request_category (code, name, name_en, type, handling_level, department_code, time_limit_days, sort_order, active) values
 ('road',            '道路破损',   'Damaged road',              'HELP',         'TOWNSHIP',   'cg', 5,  10, true),
 ('streetlight',     '路灯故障',   'Street light out',          'HELP',         'VILLAGE',    null, 5,  20, true),
 ('rubbish',         '垃圾清运',   'Rubbish collection',        'HELP',         'VILLAGE',    null, 5,  30, true),
 ('sanitation',      '环境卫生',   'Sanitation',                'HELP',         'VILLAGE',    null, 5,  40, true),
 ('noise',           '噪声扰民',   'Noise nuisance',            'COMPLAINT',    'VILLAGE',    null, 15, 50, true),
 ('property',        '物业管理',   'Property management',       'COMPLAINT',    'VILLAGE',    null, 15, 60, true),
 ('neighbour',       '邻里纠纷',   'Neighbour dispute',         'HELP',         'VILLAGE',    null, 5,  70, true),
 ('pets',            '文明养犬',   'Dogs and pets',             'COMPLAINT',    'VILLAGE',    null, 15, 80, true),
 ('elderly',         '养老服务',   'Elderly care',              'HELP',         'VILLAGE',    null, 5,  90, true),
 ('assistance',      '救助咨询',   'Social assistance enquiry', 'CONSULTATION', 'VILLAGE',    null, 3,  100, true),
 ('illegal_building','违章搭建',   'Illegal building',          'COMPLAINT',    'DEPARTMENT', 'cg', 15, 110, true),
 ('street_vendor',   '占道经营',   'Street vending',            'COMPLAINT',    'DEPARTMENT', 'cg', 15, 120, true),
 ('parking',         '停车管理',   'Parking',                   'COMPLAINT',    'TOWNSHIP',   'cg', 15, 130, true),
 ('greening',        '绿化养护',   'Green spaces',              'HELP',         'TOWNSHIP',   null, 5,  140, true),
 ('water',           '供水问题',   'Water supply',              'HELP',         'TOWNSHIP',   'zj', 5,  150, true),
 ('drainage',        '排水防涝',   'Drainage and flooding',     'HELP',         'TOWNSHIP',   'zj', 5,  160, true),
 ('housing_safety',  '房屋安全',   'Housing safety',            'HELP',         'DEPARTMENT', 'zj', 5,  170, true),
 ('fire_hazard',     '消防隐患',   'Fire hazard',               'HELP',         'DEPARTMENT', 'yj', 5,  180, true),
 ('health',          '医疗卫生',   'Health services',           'HELP',         'DEPARTMENT', 'wj', 5,  190, true),
 ('employment',      '就业创业',   'Employment',                'CONSULTATION', 'DEPARTMENT', 'rs', 3,  200, true),
 ('social_security', '社保医保',   'Social insurance',          'CONSULTATION', 'DEPARTMENT', 'rs', 3,  210, true),
 ('wage_arrears',    '欠薪讨薪',   'Unpaid wages',              'COMPLAINT',    'DEPARTMENT', 'rs', 15, 220, true),
 ('legal_aid',       '法律援助',   'Legal aid',                 'CONSULTATION', 'DEPARTMENT', 'sf', 3,  230, true),
 ('disability',      '残疾人服务', 'Disability services',       'HELP',         'DEPARTMENT', 'mz', 5,  240, true),
 ('other',           '其他',       'Other',                     'HELP',         'VILLAGE',    null, 5,  990, true);
