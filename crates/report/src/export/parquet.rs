//! Parquet for pandas, DuckDB and Spark: the CSV's columns (same names,
//! same content, from [`super::csv_row`]) with types: `event_date` a date,
//! `year`, `time_precision`, `iso`, `geo_precision` and `fatalities` 32-bit
//! integers, `latitude`/`longitude` doubles, the rest UTF-8 text; an empty
//! field is null. Snappy-compressed, one row group per 64k events.

use std::io::Write;
use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, Float64Array, Int32Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use sitrep_model::record::EventRecord;

use super::{csv_row, ExportError, CSV_COLUMNS};

/// Rows buffered before they are written as one batch.
const BATCH: usize = 65_536;

/// The type of each CSV column, by name; every other column is text.
fn kind(column: &str) -> DataType {
    match column {
        "event_date" => DataType::Date32,
        "year" | "time_precision" | "iso" | "geo_precision" | "fatalities" => DataType::Int32,
        "latitude" | "longitude" => DataType::Float64,
        _ => DataType::Utf8,
    }
}

/// The Parquet schema: the CSV's columns with their types.
#[must_use]
pub fn schema() -> SchemaRef {
    let required = ["event_id_cnty", "event_type", "sub_event_type", "fatalities", "modality", "doc_id"];
    let fields: Vec<Field> = CSV_COLUMNS.iter().map(|c| Field::new(*c, kind(c), !required.contains(c))).collect();
    Arc::new(Schema::new(fields))
}

/// Writes records as a Parquet file.
pub struct ParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    rows: Vec<Vec<String>>,
}

impl<W: Write + Send> std::fmt::Debug for ParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetWriter").field("buffered", &self.rows.len()).finish_non_exhaustive()
    }
}

impl<W: Write + Send> ParquetWriter<W> {
    /// Start a file.
    ///
    /// # Errors
    /// When the writer cannot be made.
    pub fn new(out: W) -> Result<Self, ExportError> {
        let schema = schema();
        let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let writer = ArrowWriter::try_new(out, Arc::clone(&schema), Some(props)).map_err(parquet_error)?;
        Ok(Self { writer, schema, rows: Vec::new() })
    }

    /// Add one record (written with the next batch).
    ///
    /// # Errors
    /// When a full batch cannot be written.
    pub fn write(&mut self, r: &EventRecord, source: Option<&str>) -> Result<(), ExportError> {
        self.rows.push(csv_row(r, source));
        if self.rows.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = (0..CSV_COLUMNS.len()).map(|i| self.column(i)).collect::<Result<_, _>>()?;
        let batch = RecordBatch::try_new(Arc::clone(&self.schema), columns).map_err(parquet_error)?;
        self.rows.clear();
        self.writer.write(&batch).map_err(parquet_error)
    }

    /// Column `i` of the buffered rows, typed.
    fn column(&self, i: usize) -> Result<ArrayRef, ExportError> {
        let name = CSV_COLUMNS[i];
        let cells = self.rows.iter().map(|r| r.get(i).map(String::as_str).filter(|s| !s.is_empty()));
        let bad = |v: &str| ExportError::Parquet(format!("column {name}: {v:?} is not a {}", kind(name)));
        Ok(match kind(name) {
            DataType::Date32 => Arc::new(
                cells
                    .map(|c| c.map(|v| days(v).ok_or_else(|| bad(v))).transpose())
                    .collect::<Result<Date32Array, _>>()?,
            ),
            DataType::Int32 => Arc::new(
                cells
                    .map(|c| c.map(|v| v.parse().map_err(|_| bad(v))).transpose())
                    .collect::<Result<Int32Array, _>>()?,
            ),
            DataType::Float64 => Arc::new(
                cells
                    .map(|c| c.map(|v| v.parse().map_err(|_| bad(v))).transpose())
                    .collect::<Result<Float64Array, _>>()?,
            ),
            _ => Arc::new(cells.collect::<StringArray>()),
        })
    }

    /// Write what is buffered and the footer; hand back the writer.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(mut self) -> Result<W, ExportError> {
        self.flush()?;
        self.writer.into_inner().map_err(parquet_error)
    }
}

/// Days since 1970-01-01 of an ISO date.
fn days(iso: &str) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let d = NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()?;
    i32::try_from((d - epoch).num_days()).ok()
}

fn parquet_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Parquet(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_from_the_epoch() {
        assert_eq!(days("1970-01-02"), Some(1));
        assert_eq!(days("2016-01-20"), Some(16820));
        assert_eq!(days("20 Jan 2016"), None);
    }
}
