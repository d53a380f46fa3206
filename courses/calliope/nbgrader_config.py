"""nbgrader settings of the course 'calliope' (the only nbgrader_config.py of this course)."""

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.course_id = 'calliope'
# What students see in place of a solution: German, and it fails every test with a clear message.
c.ClearSolutions.code_stub = {
    "python": '# DEIN CODE HIER\nraise NotImplementedError("Hier fehlt noch dein Code.")',
}
c.ClearSolutions.text_stub = "DEINE ANTWORT HIER"
# A notebook runs in well under a minute; a student's endless loop is stopped after 60 s per cell.
c.Execute.timeout = 60
