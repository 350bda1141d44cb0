/**
 * North Carolina offences LEAD sites commonly treat as eligible (shared/data/nc-lead-eligible-charges.csv).
 * The code is the project's own short code, not a court code; each site edits its own list.
 */
export const NC_ELIGIBLE_CHARGES = [
  {
    code: 'POSS_CS_I',
    statute: 'G.S. 90-95(a)(3)/(d)(1)',
    description: 'Possess Schedule I controlled substance',
  },
  {
    code: 'POSS_CS_II_IV',
    statute: 'G.S. 90-95(a)(3)/(d)(2)',
    description: 'Possess Schedule II/III/IV controlled substance',
  },
  {
    code: 'POSS_CS_V',
    statute: 'G.S. 90-95(a)(3)/(d)(3)',
    description: 'Possess Schedule V controlled substance',
  },
  { code: 'POSS_MJ_SM', statute: 'G.S. 90-95(a)(3)/(d)(4)', description: 'Possess marijuana up to 0.5 oz' },
  {
    code: 'POSS_MJ_LG',
    statute: 'G.S. 90-95(a)(3)/(d)(4)',
    description: 'Possess marijuana over 0.5 up to 1.5 oz',
  },
  { code: 'POSS_PARA', statute: 'G.S. 90-113.22', description: 'Possess drug paraphernalia' },
  { code: 'POSS_MJ_PARA', statute: 'G.S. 90-113.22A', description: 'Possess marijuana paraphernalia' },
  { code: 'TRESP_1', statute: 'G.S. 14-159.12', description: 'First-degree trespass' },
  { code: 'TRESP_2', statute: 'G.S. 14-159.13', description: 'Second-degree trespass' },
  { code: 'LARC_MISD', statute: 'G.S. 14-72(a)', description: 'Misdemeanor larceny' },
  { code: 'SHOPLIFT', statute: 'G.S. 14-72.1', description: 'Concealment of merchandise' },
  { code: 'PROSTITUTION', statute: 'G.S. 14-204', description: 'Prostitution' },
  { code: 'INTOX_DISRUPT', statute: 'G.S. 14-444', description: 'Intoxicated and disruptive in public' },
];
