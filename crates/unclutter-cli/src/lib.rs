//! The parts of the `unclutter` command that do not depend on its flags: JSON Lines records
//! (`records`), ordered parallel windows (`batch`), inputs and outputs by name with compression
//! and temporary files (`io`), run statistics (`stats`) and the progress bar (`progress`). The
//! binary (`src/main.rs`) parses the command line and drives them; the fuzz target
//! `clean_records` drives `records` directly.

pub mod batch;
pub mod io;
pub mod progress;
pub mod records;
pub mod stats;
