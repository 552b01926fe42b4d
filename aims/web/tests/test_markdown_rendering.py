"""User Markdown (document bodies, policies) renders to HTML without letting any HTML or script through."""

from aims.lib.markdown import render_markdown


def test_headings_lists_and_tables_render():
    html = render_markdown("# Policy\n\n- fair\n- safe\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<h1>Policy</h1>" in html
    assert "<li>fair</li>" in html
    assert "<td>1</td>" in html


def test_raw_html_is_shown_as_text_not_run():
    html = render_markdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">')
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_script_links_are_not_made_into_links():
    html = render_markdown("[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)")
    assert 'href="javascript' not in html
    assert 'href="data' not in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
