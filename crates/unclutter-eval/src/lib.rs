//! Devset loading and scoring for unclutter, with the measures of `../shared/tools/score.py`.
