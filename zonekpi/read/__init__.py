"""Reading users' files into the model's types, with every problem at its file:line:col.

- textfile: a file's bytes (64 MB at most) and its text (UTF-8, BOM, UTF-16, GB18030)
- yamlstrict: strict YAML into plain data with positions; yamlerrors: YAML that does not parse
- schema: the JSON Schemas and validation; schemaerrors: schema errors worded for the file
- tables: the one table reader (CSV, TSV, .xlsx sheets into numbered rows); xlsx: the sheets
- reader: what every reader shares (Reader, Names)
- plan: a plan file; figures: one figure; figfile: figure files (tables and YAML);
  figrows: a long figure table's rows
- scheme: a plan's scoring scheme; policy: its incentives; claims: claims files

Numbers and units are read by model/units.py, the one number grammar.
"""
