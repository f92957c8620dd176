//! The thresholds of the analysis, one set per [`Bias`]: a precision bias asks more of prose and
//! keeps the region tight, a recall bias asks less and lets it reach further.

use crate::config::Bias;

/// Thresholds the steps of the analysis compare against.
pub(super) struct Thresholds {
    /// Shortest prose line, in words.
    pub prose_words: usize,
    /// Least share of stop words in a prose line (when the language's stop words count).
    pub prose_stop_share: f64,
    /// Weight of a fragment's penalty in the region's score: `-(base + words / k) * weight`.
    pub penalty_weight: f64,
    /// A further block of prose joins the region when its score reaches this share of the
    /// penalty of the fragments between (0: never).
    pub bridge_share: f64,
    /// Most fragments a bridge may cross (toward the title only menu items count; toward the
    /// page's end twice this, plus two): more is a menu, the edge of the article.
    pub bridge_gap_lines: usize,
    /// Least score of prose in a block a bridge reaches (one teaser blurb is not a block).
    pub bridge_block_words: f64,
    /// A run of this many menu items is a wall: the region never spans it.
    pub wall_menu_items: usize,
    /// Fewest menu items that make the zone before or after the region a page's header or
    /// footer.
    pub zone_menu_items: usize,
}

impl Thresholds {
    /// The thresholds of `bias`.
    pub fn for_bias(bias: Bias) -> Thresholds {
        match bias {
            Bias::Precision => Thresholds {
                prose_words: 12,
                prose_stop_share: 0.25,
                penalty_weight: 1.5,
                bridge_share: 1.0,
                bridge_gap_lines: 2,
                bridge_block_words: 40.0,
                wall_menu_items: 3,
                zone_menu_items: 1,
            },
            Bias::Balanced => Thresholds {
                prose_words: 10,
                prose_stop_share: 0.2,
                penalty_weight: 1.0,
                bridge_share: 0.5,
                bridge_gap_lines: 4,
                bridge_block_words: 15.0,
                wall_menu_items: 12,
                zone_menu_items: 2,
            },
            Bias::Recall => Thresholds {
                prose_words: 8,
                prose_stop_share: 0.15,
                penalty_weight: 0.6,
                bridge_share: 0.25,
                bridge_gap_lines: 8,
                bridge_block_words: 20.0,
                wall_menu_items: 8,
                zone_menu_items: 5,
            },
        }
    }
}
