"""`%load_ext schuelerlab.hardware.sim` registers the `%%calliope` cell magic (real IPython shell)."""

from IPython.testing.globalipapp import get_ipython


def test_load_ext_on_the_sim_package_registers_the_cell_magic():
    ip = get_ipython()
    ip.run_line_magic("load_ext", "schuelerlab.hardware.sim")
    assert "calliope" in ip.magics_manager.magics["cell"]
