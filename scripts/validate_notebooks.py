"""Checks notebooks written by `consortium notebook`: valid nbformat 4 (the nbformat package's
schema validation), and readable without running (every code cell has an output; at least one
table rendered as text/html with text/plain, and every chart as image/svg+xml)."""
import sys

import nbformat


def check(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    problems = []
    tables = charts = 0
    for index, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type != "code":
            continue
        if not cell.outputs:
            problems.append(f"cell {index}: a code cell without outputs")
        for output in cell.outputs:
            data = output.get("data", {})
            if "text/html" in data:
                tables += 1
                if "text/plain" not in data:
                    problems.append(f"cell {index}: a table without text/plain")
            if "display(SVG(" in cell.source:
                if "image/svg+xml" not in data:
                    problems.append(f"cell {index}: a chart without image/svg+xml")
                else:
                    charts += 1
    if tables == 0:
        problems.append("no table rendered as text/html")
    return problems, len(notebook.cells), tables, charts


def main(paths):
    failed = False
    for path in paths:
        problems, cells, tables, charts = check(path)
        if problems:
            failed = True
            for problem in problems:
                print(f"{path}: {problem}", file=sys.stderr)
        else:
            print(f"{path}: valid nbformat 4, {cells} cells, {tables} tables, {charts} charts")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
