"""The lab's seven flows, as the deployments in prefect.yaml.example name them.

These signatures are the parameter contract of the lab's deployments: `ot2ctl deploy` reads
this file as text (no Python needed) to get each flow's name, description and parameter
schema. The runs themselves are executed by the ot2ctl worker on the robot, which drives
the OT-2 and keeps the paint inventory; a Python Prefect worker must not run them, so each
body refuses with a clear message instead of pretending to move a robot.
"""

from prefect import flow

_WORKER_ONLY = (
    "this deployment is executed by the ot2ctl worker on the OT-2 "
    "(`ot2ctl worker start --pool ot2-device-pool`), not by a Python Prefect worker"
)


@flow(name="mix-color")
def mix_color(R: int = 120, Y: int = 50, B: int = 80, G: int = 0, mix_well: str = "B2"):
    """Mix red, yellow and blue paint into one well of the 96-well plate.

    Args:
        R: red paint to dispense, in µL
        Y: yellow paint to dispense, in µL
        B: blue paint to dispense, in µL
        G: green paint to dispense, in µL (the lab's rack has no green: keep 0)
        mix_well: destination well on the plate, e.g. B2
    """
    raise RuntimeError(_WORKER_ONLY)


@flow(name="mix-color-with-inventory")
def mix_color_with_inventory(R: int = 120, Y: int = 50, B: int = 80, G: int = 0, mix_well: str = "B2"):
    """Mix a colour after reserving the paint it needs from the inventory.

    Args:
        R: red paint to dispense, in µL
        Y: yellow paint to dispense, in µL
        B: blue paint to dispense, in µL
        G: green paint to dispense, in µL (the lab's rack has no green: keep 0)
        mix_well: destination well on the plate, e.g. B2
    """
    raise RuntimeError(_WORKER_ONLY)


@flow(name="move-sensor-to-measurement-position")
def move_sensor_to_measurement_position(mix_well: str = "B2"):
    """Pick up the colour sensor and hold it over a well to measure it.

    Args:
        mix_well: the well to measure, e.g. B2
    """
    raise RuntimeError(_WORKER_ONLY)


@flow(name="move-sensor-back")
def move_sensor_back():
    """Put the colour sensor back on its charging port."""
    raise RuntimeError(_WORKER_ONLY)


@flow(name="restock-maintenance")
def restock_maintenance(
    red_volume: float = 0, yellow_volume: float = 0, blue_volume: float = 0, operator: str = "system"
):
    """Add paint to the reservoirs and record who did it.

    Args:
        red_volume: red paint added, in µL
        yellow_volume: yellow paint added, in µL
        blue_volume: blue paint added, in µL
        operator: who restocked, for the audit log
    """
    raise RuntimeError(_WORKER_ONLY)


@flow(name="initialize-inventory")
def initialize_inventory(
    red_volume: float = 15000,
    yellow_volume: float = 15000,
    blue_volume: float = 15000,
    evaporation_rate: float = 5.0,
):
    """Set the stock of every colour, e.g. after filling fresh tubes.

    Args:
        red_volume: red paint in its tube, in µL
        yellow_volume: yellow paint in its tube, in µL
        blue_volume: blue paint in its tube, in µL
        evaporation_rate: how fast paint evaporates, in µL per hour
    """
    raise RuntimeError(_WORKER_ONLY)


@flow(name="check-inventory-status")
def check_inventory_status(low_threshold_ml: float = 2.0):
    """Report which colours are out of stock or running low.

    Args:
        low_threshold_ml: below this many mL a colour counts as low
    """
    raise RuntimeError(_WORKER_ONLY)
