// The demo ERP's organisation: sites, departments and security roles.
// Some values are dirty on purpose (a TAB and a newline in department names):
// real ERPs hold such data and the bridge must sanitise it.

export const SITES = [
  { code: 'MAN', name: 'Manchester HQ', city: 'Manchester' },
  { code: 'KRK', name: 'Kraków Office', city: 'Kraków' },
  { code: 'STO', name: 'Stockholm Office', city: 'Stockholm' },
  { code: 'LYO', name: 'Lyon Plant', city: 'Lyon' },
] as const;
export type SiteCode = (typeof SITES)[number]['code'];

export const DEPARTMENTS = [
  { code: 'FIN', name: 'Finance', site: 'MAN' },
  { code: 'AP', name: 'Accounts Payable', site: 'KRK' },
  { code: 'ENG', name: 'Engineering', site: 'MAN' },
  { code: 'RND', name: 'Research\tDevelopment', site: 'STO' },
  { code: 'CS', name: 'Customer Service\nEMEA', site: 'LYO' },
  { code: 'SAL', name: 'Sales', site: 'MAN' },
  { code: 'HR', name: 'Human Resources', site: 'MAN' },
  { code: 'IT', name: 'IT Services', site: 'KRK' },
  { code: 'OPS', name: 'Operations', site: 'LYO' },
  { code: 'LEG', name: 'Legal', site: 'MAN' },
  { code: 'FAC', name: 'Facilities', site: 'MAN' },
] as const satisfies readonly { code: string; name: string; site: SiteCode }[];
export type DeptCode = (typeof DEPARTMENTS)[number]['code'];

export const ROLES = [
  { name: 'all-staff', description: 'Everyone on the payroll' },
  { name: 'finance', description: 'Finance department' },
  { name: 'finance-managers', description: 'Finance approvers' },
  { name: 'cfo-office', description: 'CFO and direct reports' },
  { name: 'Accounts Payable', description: 'AP clerks' },
  { name: 'engineering', description: 'Engineering department' },
  { name: 'rnd', description: 'Research lab' },
  { name: '1e3', description: 'Cost centre 1E3: prototype lab' },
  { name: '007', description: 'Secure print room 007' },
  { name: 'sales', description: 'Sales department' },
  { name: 'customer-service', description: 'Customer service desk' },
  { name: 'operations', description: 'Operations department' },
  { name: 'people-services', description: 'HR department' },
  { name: 'it-services', description: 'IT department' },
  { name: 'legal', description: 'Legal department' },
  { name: 'facilities', description: 'Facilities management' },
  { name: 'legacy-contractors', description: 'Contractor accounts migrated from the old ERP' },
  { name: 'color-printing', description: 'Colour printing approval (not yet assigned)' },
] as const;
export type RoleName = (typeof ROLES)[number]['name'];

/** [parent, child]: members of the child are effective members of the parent.
 * Deepest chain: all-staff ⊃ finance ⊃ finance-managers ⊃ cfo-office. */
export const ROLE_INCLUDES: readonly (readonly [RoleName, RoleName])[] = [
  ['all-staff', 'finance'],
  ['all-staff', 'engineering'],
  ['all-staff', 'sales'],
  ['all-staff', 'customer-service'],
  ['all-staff', 'operations'],
  ['all-staff', 'people-services'],
  ['all-staff', 'it-services'],
  ['all-staff', 'legal'],
  ['all-staff', 'facilities'],
  ['finance', 'finance-managers'],
  ['finance', 'Accounts Payable'],
  ['finance-managers', 'cfo-office'],
  ['engineering', 'rnd'],
  ['engineering', '1e3'],
];
