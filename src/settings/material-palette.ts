/**
 * Material for MkDocs' primary colours by name, as its `partials/palette.html` (8.x) maps
 * them for the `theme-color` it writes: the colour a migrated site keeps.
 */
export const MATERIAL_PRIMARY_COLORS: Readonly<Record<string, string>> = {
  red: '#ef5552',
  pink: '#e92063',
  purple: '#ab47bd',
  'deep-purple': '#7e56c2',
  indigo: '#4051b5',
  blue: '#2094f3',
  'light-blue': '#02a6f2',
  cyan: '#00bdd6',
  teal: '#009485',
  green: '#4cae4f',
  'light-green': '#8bc34b',
  lime: '#cbdc38',
  yellow: '#ffec3d',
  amber: '#ffc105',
  orange: '#ffa724',
  'deep-orange': '#ff6e42',
  brown: '#795649',
  grey: '#757575',
  'blue-grey': '#546d78',
  black: '#000000',
  white: '#ffffff',
};

/** The hex value of a Material primary colour name, normalised as Material does (`Deep Purple` → `deep-purple`). */
export function materialPrimaryColor(name: string): string | undefined {
  return MATERIAL_PRIMARY_COLORS[name.replaceAll(' ', '-').toLowerCase()];
}
