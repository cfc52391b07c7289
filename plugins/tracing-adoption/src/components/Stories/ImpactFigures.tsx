import { Box, Typography } from '@material-ui/core';
import { ImpactFigure } from '@internal/plugin-tracing-adoption-common';

function figureText(figure: ImpactFigure): string {
  if (figure.before !== undefined && figure.after !== undefined) {
    return `${figure.before} → ${figure.after} ${figure.unit}`;
  }
  return figure.after !== undefined
    ? `now ${figure.after} ${figure.unit}`
    : `was ${figure.before} ${figure.unit}`;
}

/** The measured effects of a story, as the author reported them. */
export const ImpactFigures = ({ impact }: { impact: ImpactFigure[] }) => {
  if (impact.length === 0) {
    return null;
  }
  return (
    <Box display="flex" flexWrap="wrap" gridGap={24} my={1}>
      {impact.map((figure, index) => (
        <Box key={index}>
          <Typography variant="h6" component="p">
            {figureText(figure)}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {figure.label}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
