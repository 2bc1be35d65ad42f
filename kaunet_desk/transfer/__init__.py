"""CSV / XLSX import and export of the ledger — no Qt here.

A branch's ledger is years of work on one PC, so an import is all-or-nothing by default
(one transaction; one invalid row and nothing is written), reports every problem with its
row, column, value and reason, and never writes a row the form would refuse. Files are
decoded before they are parsed (cp932 characters whose second byte is 0x5C, such as ソ and
表, stay intact) and streamed: memory stays bounded at 1,000,000 rows.

Modules: encoding (detection), reader (decode + csv, streamed), columns (the headers a
clerk recognises), mapping (file column ↔ field), values (cell parsing), problems (row
errors and their sentences), customer_rows / order_rows (validation of one row), importer
(the run: progress, cancel, audit), writers (CSV cp932/UTF-8 BOM, XLSX), export (the four
exports), queries (the read-only selects the exports stream), cli (``import`` /
``export``). The writing side of an import is kaunet_desk.store.services.bulk_import.
"""
