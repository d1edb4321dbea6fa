// The theme's colours (styles/theme.css) for what CSS variables cannot reach: ECharts draws on a
// canvas. The same values, each at least 4.5:1 on white.
export const palette = {
  primary: '#1668c6',
  success: '#2b7a19',
  warning: '#9e5b00',
  danger: '#c62f2f',
  info: '#62656b',
} as const
