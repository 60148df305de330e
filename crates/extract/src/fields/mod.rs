//! One module per field family. Each reads the normalized text and returns values with spans.

pub mod agency;
pub mod anatomy;
pub mod classification;
pub mod clearance;
pub mod date;
pub mod doc_type;
pub mod form;
pub mod furniture;
pub mod numbers;
pub mod pages;
pub mod review;
pub mod routing;
pub mod title;
