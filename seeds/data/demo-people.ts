import type { DeptCode, RoleName, SiteCode } from './demo-org';

// The demo ERP's staff. Besides ordinary records it holds, on purpose, the data
// problems a real ERP has (see the notes on each record): the bridge is tested
// against them. Passwords live in generate-demo-hashes.sh, not here.

export type EmployeeStatus = 'ACTIVE' | 'ON_LEAVE' | 'SUSPENDED' | 'TERMINATED';

export interface DemoPerson {
  employeeNo: string;
  login: string;
  first: string;
  last: string;
  /** Preferred full name; otherwise "first last". */
  displayName?: string;
  email: string | null;
  /** Comma-separated, no spaces. */
  otherEmails?: string;
  dept: DeptCode | null;
  site: SiteCode | null;
  badge: string | null;
  badge2?: string;
  alias?: string;
  home: string | null;
  pin: number | null;
  status: EmployeeStatus;
  hired: string;
  left?: string;
  roles: RoleName[];
  /** No sec_credentials row (card-only or not yet provisioned). */
  noCredential?: true;
}

const share = (site: 'man' | 'krk' | 'sto' | 'lyo', folder: string) => `\\\\fs-${site}01\\home\\${folder}`;
const mail = (local: string) => `${local}@northwind.example`;

export const PEOPLE: readonly DemoPerson[] = [
  // Finance
  { employeeNo: 'E1001', login: 'JSmith', first: 'John', last: 'Smith', email: mail('john.smith'), dept: 'FIN', site: 'MAN', badge: '10001', home: share('man', 'jsmith'), pin: 4821, status: 'ACTIVE', hired: '2012-03-05', roles: ['finance-managers'] },
  { employeeNo: 'E1002', login: 'mwisniewska', first: 'Małgorzata', last: 'Wiśniewska', email: mail('malgorzata.wisniewska'), dept: 'FIN', site: 'KRK', badge: '10002', home: share('krk', 'mwisniewska'), pin: 7319, status: 'ACTIVE', hired: '2016-09-12', roles: ['finance'] },
  // Directly in all-staff as well as (via cfo-office) indirectly: must appear once.
  { employeeNo: 'E1003', login: 'bodegard', first: 'Bjørn', last: 'Ødegård', email: mail('bjorn.odegard'), dept: 'FIN', site: 'STO', badge: '10003', home: share('sto', 'bodegard'), pin: 2657, status: 'ACTIVE', hired: '2010-01-04', roles: ['cfo-office', 'all-staff'] },
  { employeeNo: 'E1004', login: "o'brien", first: 'Siobhán', last: "O'Brien", email: mail('siobhan.obrien'), dept: 'AP', site: 'MAN', badge: '10004', home: share('man', 'obrien'), pin: 9043, status: 'ACTIVE', hired: '2019-02-18', roles: ['Accounts Payable'] },
  { employeeNo: 'E1005', login: 'jmueller', first: 'Jürgen', last: 'Müller', email: mail('juergen.mueller'), dept: 'AP', site: 'KRK', badge: '10005', home: share('krk', 'jmueller'), pin: 5172, status: 'ACTIVE', hired: '2018-06-01', roles: ['Accounts Payable'] },
  { employeeNo: 'E1006', login: 'zzoltowski', first: 'Zbigniew', last: 'Żółtowski', email: mail('zbigniew.zoltowski'), dept: 'FIN', site: 'KRK', badge: '10006', home: share('krk', 'zzoltowski'), pin: 3388, status: 'ACTIVE', hired: '2021-11-08', roles: ['finance'] },
  { employeeNo: 'E1007', login: 'rjones', first: 'Robert', last: 'Jones', email: mail('robert.jones'), dept: 'FIN', site: 'MAN', badge: '10007', home: share('man', 'rjones'), pin: 6120, status: 'TERMINATED', hired: '2015-04-01', left: '2025-06-30', roles: ['finance', 'legacy-contractors'] },

  // Engineering
  { employeeNo: 'E1010', login: 'ytanaka', first: '結衣', last: '田中', displayName: '田中 結衣', email: mail('yui.tanaka'), dept: 'ENG', site: 'MAN', badge: '10010', home: share('man', 'ytanaka'), pin: 8254, status: 'ACTIVE', hired: '2020-04-01', roles: ['engineering'] },
  { employeeNo: 'E1011', login: 'wzhang', first: '伟', last: '张', displayName: '张伟', email: mail('wei.zhang'), dept: 'ENG', site: 'MAN', badge: '10011', home: share('man', 'wzhang'), pin: 1947, status: 'ACTIVE', hired: '2022-08-15', roles: ['1e3'] },
  // Collides case-insensitively with mbrown (E1040), both ACTIVE: an ERP data-quality problem.
  { employeeNo: 'E1012', login: 'MBrown', first: 'Michael', last: 'Brown', email: mail('michael.brown'), dept: 'ENG', site: 'MAN', badge: '10012', home: share('man', 'MBrown'), pin: 4410, status: 'ACTIVE', hired: '2011-07-11', roles: ['engineering'] },
  { employeeNo: 'E1013', login: 'aivanova', first: 'Анна', last: 'Иванова', email: mail('anna.ivanova'), dept: 'ENG', site: 'STO', badge: '10013', home: share('sto', 'aivanova'), pin: 7765, status: 'ACTIVE', hired: '2019-10-01', roles: ['1e3', '007'] },
  { employeeNo: 'E1014', login: 'pdabrowski', first: 'Paweł', last: 'Dąbrowski', email: mail('pawel.dabrowski'), dept: 'ENG', site: 'KRK', badge: '10014', home: share('krk', 'pdabrowski'), pin: 3021, status: 'ACTIVE', hired: '2017-05-22', roles: ['engineering'] },
  { employeeNo: 'E1015', login: 'ivirtanen', first: 'Ilkka', last: 'Virtanen', email: mail('ilkka.virtanen'), dept: 'ENG', site: 'STO', badge: '10015', home: share('sto', 'ivirtanen'), pin: 6698, status: 'ACTIVE', hired: '2023-01-09', roles: ['engineering'] },
  { employeeNo: 'E1016', login: 'rsingh', first: 'Rajesh', last: 'Singh', email: mail('rajesh.singh'), dept: 'ENG', site: 'MAN', badge: '10016', home: share('man', 'rsingh'), pin: 2289, status: 'ACTIVE', hired: '2014-02-03', roles: ['engineering'] },
  { employeeNo: 'E1017', login: 'kwatanabe', first: '健二', last: '渡辺', displayName: '渡辺 健二', email: mail('kenji.watanabe'), dept: 'ENG', site: 'MAN', badge: '10017', home: share('man', 'kwatanabe'), pin: 5530, status: 'TERMINATED', hired: '2013-09-16', left: '2024-12-31', roles: ['engineering'] },

  // Research (department name holds a TAB)
  { employeeNo: 'E1020', login: 'astrom', first: 'Åsa', last: 'Ström', email: mail('asa.strom'), dept: 'RND', site: 'STO', badge: '10020', home: share('sto', 'astrom'), pin: 9912, status: 'ACTIVE', hired: '2015-08-17', roles: ['rnd'] },
  { employeeNo: 'E1021', login: 'rfernandez', first: 'Raúl', last: 'Fernández', email: mail('raul.fernandez'), dept: 'RND', site: 'STO', badge: '10021', home: share('sto', 'rfernandez'), pin: 1475, status: 'ACTIVE', hired: '2020-02-24', roles: ['rnd'] },
  // A BEL character pasted into the surname.
  { employeeNo: 'E1022', login: 'klundberg', first: 'Karin', last: 'Lund\u0007berg', email: mail('karin.lundberg'), dept: 'RND', site: 'STO', badge: '10022', home: share('sto', 'klundberg'), pin: 8036, status: 'ACTIVE', hired: '2018-03-12', roles: ['rnd'] },

  // Customer service (department name holds a newline)
  { employeeNo: 'E1030', login: 'cdubois', first: 'Céline', last: 'Dubois', email: mail('celine.dubois'), dept: 'CS', site: 'LYO', badge: '10030', home: share('lyo', 'cdubois'), pin: 3654, status: 'ACTIVE', hired: '2016-06-06', roles: ['customer-service', '007'] },
  { employeeNo: 'E1031', login: 'fleclerc', first: 'François', last: 'Leclerc', email: mail('francois.leclerc'), dept: 'CS', site: 'LYO', badge: '10031', home: share('lyo', 'fleclerc'), pin: 4907, status: 'ACTIVE', hired: '2021-04-19', roles: ['customer-service'] },
  { employeeNo: 'E1032', login: 'gpapadopoulos', first: 'Γιώργος', last: 'Παπαδόπουλος', email: mail('giorgos.papadopoulos'), otherEmails: 'g.papadopoulos@northwind-lyon.example,gpapadopoulos@northwind.example,giorgos.p@northwind.example', dept: 'CS', site: 'LYO', badge: '10032', home: share('lyo', 'gpapadopoulos'), pin: 6243, status: 'ACTIVE', hired: '2017-10-02', roles: ['customer-service'] },

  // Sales
  { employeeNo: 'E1040', login: 'mbrown', first: 'Megan', last: 'Brown', email: mail('megan.brown'), dept: 'SAL', site: 'MAN', badge: '10040', home: share('man', 'mbrown'), pin: 7081, status: 'ACTIVE', hired: '2022-03-01', roles: ['sales'] },
  { employeeNo: 'E1041', login: 'DWilliams', first: 'David', last: 'Williams', email: mail('david.williams'), dept: 'SAL', site: 'MAN', badge: '10041', home: share('man', 'dwilliams'), pin: 2916, status: 'ACTIVE', hired: '2009-11-30', roles: ['sales'] },
  { employeeNo: 'E1042', login: 'tnguyen', first: 'Thu', last: 'Nguyễn', email: mail('thu.nguyen'), dept: 'SAL', site: 'MAN', badge: '10042', home: share('man', 'tnguyen'), pin: 5847, status: 'ACTIVE', hired: '2020-09-14', roles: ['sales'] },
  { employeeNo: 'E1043', login: 'mjohansson', first: 'Mikael', last: 'Johansson', email: mail('mikael.johansson'), dept: 'SAL', site: 'STO', badge: '10043', home: share('sto', 'mjohansson'), pin: 1362, status: 'ACTIVE', hired: '2018-01-08', roles: ['sales'] },
  { employeeNo: 'E1044', login: 'zgrabowska', first: 'Zofia', last: 'Grabowska', email: mail('zofia.grabowska'), dept: 'SAL', site: 'KRK', badge: '10044', home: share('krk', 'zgrabowska'), pin: 8470, status: 'ACTIVE', hired: '2023-05-15', roles: ['sales'] },
  { employeeNo: 'E1045', login: 'cthompson', first: 'Chloe', last: 'Thompson', email: mail('chloe.thompson'), dept: 'SAL', site: 'MAN', badge: '10045', home: share('man', 'cthompson'), pin: 3195, status: 'ACTIVE', hired: '2019-07-29', roles: ['sales'] },
  { employeeNo: 'E1046', login: 'lrossi', first: 'Luca', last: 'Rossi', email: mail('luca.rossi'), dept: 'SAL', site: 'LYO', badge: '10046', home: share('lyo', 'lrossi'), pin: 6604, status: 'SUSPENDED', hired: '2017-02-13', roles: ['sales', 'legacy-contractors'] },
  // Leading and trailing spaces typed into the name and email fields.
  { employeeNo: 'E1047', login: 'lmurphy', first: ' Liam', last: 'Murphy ', email: ' liam.murphy@northwind.example ', dept: 'SAL', site: 'MAN', badge: '10047', home: share('man', 'lmurphy'), pin: 2538, status: 'ACTIVE', hired: '2024-02-05', roles: ['sales'] },

  // Operations
  { employeeNo: 'E1050', login: 'akowalczyk', first: 'Anna', last: 'Kowalczyk', email: mail('anna.kowalczyk'), dept: 'OPS', site: 'KRK', badge: '10050', home: share('krk', 'akowalczyk'), pin: 9127, status: 'ACTIVE', hired: '2016-12-05', roles: ['operations'] },
  { employeeNo: 'E1051', login: 'jlarsen', first: 'Jens', last: 'Larsen', email: mail('jens.larsen'), dept: 'OPS', site: 'STO', badge: '10051', home: share('sto', 'jlarsen'), pin: 4783, status: 'ACTIVE', hired: '2012-10-22', roles: ['operations'] },
  { employeeNo: 'E1052', login: 'tmoreau', first: 'Thomas', last: 'Moreau', email: mail('thomas.moreau'), dept: 'OPS', site: 'LYO', badge: '10052', home: share('lyo', 'tmoreau'), pin: 1609, status: 'ACTIVE', hired: '2015-03-16', roles: ['operations'] },
  // Warehouse staff log in by card only.
  { employeeNo: 'E1053', login: 'dkowalski', first: 'Dawid', last: 'Kowalski', email: mail('dawid.kowalski'), dept: 'OPS', site: 'KRK', badge: '30117', home: null, pin: 7254, status: 'ACTIVE', hired: '2021-06-28', roles: ['operations'], noCredential: true },
  // Badge number with leading zeros: must stay text.
  { employeeNo: 'E1054', login: 'emartin', first: 'Émilie', last: 'Martin', email: mail('emilie.martin'), dept: 'OPS', site: 'LYO', badge: '000417', home: share('lyo', 'emartin'), pin: 3842, status: 'ACTIVE', hired: '2019-09-02', roles: ['operations'] },
  { employeeNo: 'E1055', login: 'twojcik', first: 'Tomasz', last: 'Wójcik', email: mail('tomasz.wojcik'), dept: 'OPS', site: 'KRK', badge: '10055', home: share('krk', 'twojcik'), pin: 5976, status: 'TERMINATED', hired: '2020-01-06', left: '2023-03-31', roles: ['legacy-contractors'] },

  // Human resources
  { employeeNo: 'E1060', login: 'ewilson', first: 'Emma', last: 'Wilson', email: mail('emma.wilson'), dept: 'HR', site: 'MAN', badge: '10060', home: share('man', 'ewilson'), pin: 8613, status: 'ACTIVE', hired: '2014-08-04', roles: ['people-services'] },
  { employeeNo: 'E1061', login: 'ebjork', first: 'Elin', last: 'Björk', email: mail('elin.bjork'), dept: 'HR', site: 'STO', badge: '10061', home: share('sto', 'ebjork'), pin: 2074, status: 'ACTIVE', hired: '2022-10-17', roles: ['people-services'] },
  { employeeNo: 'E1062', login: 'kanderson', first: 'Kate', last: 'Anderson', email: mail('kate.anderson'), dept: 'HR', site: 'MAN', badge: '10062', home: share('man', 'kanderson'), pin: 6351, status: 'ACTIVE', hired: '2011-01-10', roles: ['people-services'] },
  // On parental leave: still allowed to print.
  { employeeNo: 'E1063', login: 'msorensen', first: 'Mette', last: 'Sørensen', email: mail('mette.sorensen'), dept: 'HR', site: 'STO', badge: '10063', home: share('sto', 'msorensen'), pin: 4196, status: 'ON_LEAVE', hired: '2016-04-25', roles: ['people-services'] },

  // IT
  { employeeNo: 'E1070', login: 'ochukwu', first: 'Obinna', last: 'Chukwu', email: mail('obinna.chukwu'), dept: 'IT', site: 'MAN', badge: '10070', home: share('man', 'ochukwu'), pin: 7528, status: 'ACTIVE', hired: '2018-11-19', roles: ['it-services'] },
  { employeeNo: 'E1071', login: 'pnowak', first: 'Piotr', last: 'Nowak', email: mail('piotr.nowak'), dept: 'IT', site: 'KRK', badge: '10071', home: share('krk', 'pnowak'), pin: 3307, status: 'ACTIVE', hired: '2013-05-06', roles: ['it-services'] },
  { employeeNo: 'E1072', login: 'hali', first: 'Hassan', last: 'Ali', email: mail('hassan.ali'), dept: 'IT', site: 'MAN', badge: '10072', home: share('man', 'hali'), pin: 9685, status: 'ACTIVE', hired: '2024-09-02', roles: ['it-services'] },
  { employeeNo: 'E1073', login: 'SLee', first: 'Sarah', last: 'Lee', email: mail('sarah.lee'), dept: 'IT', site: 'MAN', badge: '10073', home: share('man', 'slee'), pin: 1852, status: 'SUSPENDED', hired: '2015-10-12', roles: ['it-services', 'legacy-contractors'] },
  // Second card (an RFID tag) and her login from the old ERP as an alias.
  { employeeNo: 'E1074', login: 'hschmidt', first: 'Heike', last: 'Schmidt', email: mail('heike.schmidt'), dept: 'IT', site: 'KRK', badge: '20345', badge2: '04A7F3C9', alias: 'hschmi', home: share('krk', 'hschmidt'), pin: 6419, status: 'ACTIVE', hired: '2010-06-14', roles: ['it-services'] },

  // Legal
  { employeeNo: 'E1080', login: 'sbernard', first: 'Sophie', last: 'Bernard', email: mail('sophie.bernard'), dept: 'LEG', site: 'LYO', badge: '10080', home: share('lyo', 'sbernard'), pin: 2763, status: 'ACTIVE', hired: '2017-01-23', roles: ['legal'] },
  { employeeNo: 'E1081', login: 'ahernandez', first: 'Ana', last: 'Hernández', email: mail('ana.hernandez'), dept: 'LEG', site: 'MAN', badge: '10081', home: share('man', 'ahernandez'), pin: 8940, status: 'ACTIVE', hired: '2021-08-09', roles: ['legal'] },

  // Facilities
  { employeeNo: 'E1090', login: 'gmorgan', first: 'Gareth', last: 'Morgan', email: mail('gareth.morgan'), dept: 'FAC', site: 'MAN', badge: '10090', home: share('man', 'gmorgan'), pin: 5214, status: 'ACTIVE', hired: '2008-04-14', roles: ['facilities'] },
  { employeeNo: 'E1091', login: 'BTaylor', first: 'Ben', last: 'Taylor', email: mail('ben.taylor'), dept: 'FAC', site: 'MAN', badge: '10091', home: share('man', 'btaylor'), pin: 3479, status: 'ACTIVE', hired: '2020-11-02', roles: ['facilities'] },

  // Management and edge cases
  { employeeNo: 'E1095', login: 'hkarlsson', first: 'Helena', last: 'Karlsson', email: mail('helena.karlsson'), dept: null, site: 'MAN', badge: '10095', home: share('man', 'hkarlsson'), pin: 1108, status: 'ACTIVE', hired: '2007-02-01', roles: ['all-staff'] },
  // A temp whose record has nothing but a name and a login yet.
  { employeeNo: 'E1096', login: 'rpatel', first: 'Ravi', last: 'Patel', email: null, dept: null, site: null, badge: null, home: null, pin: null, status: 'ACTIVE', hired: '2026-11-02', roles: [] },
  // New starter whose account was never provisioned: empty login.
  { employeeNo: 'E1097', login: '', first: 'Amelia', last: 'Clarke', email: mail('amelia.clarke'), dept: 'HR', site: 'MAN', badge: '10097', home: null, pin: null, status: 'ACTIVE', hired: '2026-11-16', roles: ['all-staff'], noCredential: true },
];
