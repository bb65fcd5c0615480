"""An independent reader and writer of .xlsx files for roadshow's tests (openpyxl, not exceljs).

  python3 openpyxl_tool.py write SPEC.json OUT.xlsx   writes a workbook as a spreadsheet program saves one
  python3 openpyxl_tool.py read IN.xlsx               prints every sheet's cells, types and layout as JSON

SPEC: {"date1904": false, "sheets": [{"name": "firms", "state": "visible", "merges": ["A1:C1"],
        "rows": [[cell, ...], ...]}]} where a row [] is a blank row and a cell is null, a string,
a number, a boolean, or {"date": "2026-03-18", "format": "dd/mm/yyyy"}, {"time": "14:00"},
{"number": 46100, "format": "General"}, {"formula": "=NA()"}.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def typed(cell):
    if isinstance(cell, dict):
        if "date" in cell:
            return datetime.date.fromisoformat(cell["date"]), cell.get("format", "dd/mm/yyyy")
        if "datetime" in cell:
            return datetime.datetime.fromisoformat(cell["datetime"]), cell.get("format", "dd/mm/yyyy hh:mm")
        if "time" in cell:
            return datetime.time.fromisoformat(cell["time"]), cell.get("format", "hh:mm")
        if "number" in cell:
            return cell["number"], cell.get("format", "General")
        if "formula" in cell:
            return cell["formula"], None
    return cell, None


def write(spec_path, out_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if spec.get("date1904"):
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    for sheet in spec["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        ws.sheet_state = sheet.get("state", "visible")
        for r, row in enumerate(sheet["rows"], start=1):
            for c, cell in enumerate(row, start=1):
                value, fmt = typed(cell)
                if value is None:
                    continue
                target = ws.cell(row=r, column=c, value=value)
                if fmt is not None:
                    target.number_format = fmt
        for rng in sheet.get("merges", []):
            ws.merge_cells(rng)
    wb.save(out_path)


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return value


def read(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            rows.append([
                {"value": plain(c.value), "type": c.data_type, "is_date": c.is_date, "format": c.number_format}
                for c in row
            ])
        widths = {}
        for dim in ws.column_dimensions.values():
            if dim.width and dim.min and dim.max:
                for col in range(dim.min, dim.max + 1):
                    widths[get_column_letter(col)] = dim.width
        out["sheets"].append({
            "name": ws.title,
            "state": ws.sheet_state,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "paper": ws.page_setup.paperSize,
            "orientation": ws.page_setup.orientation,
            "fit_width": ws.page_setup.fitToWidth,
            "print_titles": ws.print_title_rows,
            "widths": widths,
            "bold_header": bool(ws.max_row >= 1 and ws.cell(row=1, column=1).font and ws.cell(row=1, column=1).font.b),
            "rows": rows,
        })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "read":
        read(sys.argv[2])
    else:
        sys.exit("usage: openpyxl_tool.py write SPEC.json OUT.xlsx | read IN.xlsx")
