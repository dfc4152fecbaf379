"""Seat the colour sensor on its charging port and park the pipette.

Opentrons runs keep no tip state from one run to the next, so this reset does not assume the
sensor is held: it lifts the sensor from its port (slot 10, A2), lowers it back into place and
homes, which leaves sensor and pipette where every other protocol expects them.
"""

from opentrons import protocol_api

metadata = {
    "protocolName": "Move the colour sensor back",
    "author": "ot2ctl",
    "description": "Seat the colour sensor on its charging port and home the pipette.",
}
requirements = {"robotType": "OT-2", "apiLevel": "2.20"}

SENSOR_POSITION = "A2"
PARK_Z = -80


def run(protocol: protocol_api.ProtocolContext):
    protocol.load_labware("corning_96_wellplate_360ul_flat", 1)
    protocol.load_labware("ot2ctl_6_tuberack_15ml", 3)
    protocol.load_labware("opentrons_96_tiprack_300ul", 9)
    port = protocol.load_labware("ot2ctl_sensor_charging_port", 10)
    pipette = protocol.load_instrument("p300_single_gen2", "right", tip_racks=[port])

    pipette.pick_up_tip(port[SENSOR_POSITION])
    pipette.drop_tip(port[SENSOR_POSITION].top(z=PARK_Z))
    protocol.home()
    protocol.comment("ot2ctl: sensor seated on its charger")
