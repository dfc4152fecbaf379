"""Mix red, yellow and blue paint into one well of a 96-well plate.

Deck (the lab's layout): plate in slot 1, the 6-tube paint rack in slot 3 (red B1, yellow B2,
blue B3; A1 is the blow-out spot), 300 µL tips in slot 9, the colour sensor's charging port in
slot 10, a P300 single-channel GEN2 on the right mount.

For each colour with a volume: take the tip that sits in the tip rack at the paint's position,
aspirate, dispense into the well, blow out over the rack's A1 at slow speed, and put the tip back
where it came from (each colour keeps its own tip).
"""

from opentrons import protocol_api

metadata = {
    "protocolName": "Mix colour",
    "author": "ot2ctl",
    "description": "Mix red, yellow and blue paint into one well of the plate.",
}
requirements = {"robotType": "OT-2", "apiLevel": "2.20"}

# The pipette and the protocol's own limit: one well holds at most this much paint.
MAX_TOTAL_UL = 300
PAINTS = (("R", "red", "B1"), ("Y", "yellow", "B2"), ("B", "blue", "B3"))


def add_parameters(parameters):
    parameters.add_int(
        variable_name="R", display_name="Red", description="Red paint in µL",
        default=120, minimum=0, maximum=300, unit="µL",
    )
    parameters.add_int(
        variable_name="Y", display_name="Yellow", description="Yellow paint in µL",
        default=50, minimum=0, maximum=300, unit="µL",
    )
    parameters.add_int(
        variable_name="B", display_name="Blue", description="Blue paint in µL",
        default=80, minimum=0, maximum=300, unit="µL",
    )
    parameters.add_int(
        variable_name="G", display_name="Green",
        description="Green paint in µL; the rack holds no green, so it must stay 0",
        default=0, minimum=0, maximum=0, unit="µL",
    )
    parameters.add_str(
        variable_name="mix_well", display_name="Well", description="Destination well on the plate",
        default="B2",
        choices=[
        {"display_name": "A1", "value": "A1"}, {"display_name": "A2", "value": "A2"}, {"display_name": "A3", "value": "A3"}, {"display_name": "A4", "value": "A4"}, {"display_name": "A5", "value": "A5"}, {"display_name": "A6", "value": "A6"}, {"display_name": "A7", "value": "A7"}, {"display_name": "A8", "value": "A8"}, {"display_name": "A9", "value": "A9"}, {"display_name": "A10", "value": "A10"}, {"display_name": "A11", "value": "A11"}, {"display_name": "A12", "value": "A12"},
        {"display_name": "B1", "value": "B1"}, {"display_name": "B2", "value": "B2"}, {"display_name": "B3", "value": "B3"}, {"display_name": "B4", "value": "B4"}, {"display_name": "B5", "value": "B5"}, {"display_name": "B6", "value": "B6"}, {"display_name": "B7", "value": "B7"}, {"display_name": "B8", "value": "B8"}, {"display_name": "B9", "value": "B9"}, {"display_name": "B10", "value": "B10"}, {"display_name": "B11", "value": "B11"}, {"display_name": "B12", "value": "B12"},
        {"display_name": "C1", "value": "C1"}, {"display_name": "C2", "value": "C2"}, {"display_name": "C3", "value": "C3"}, {"display_name": "C4", "value": "C4"}, {"display_name": "C5", "value": "C5"}, {"display_name": "C6", "value": "C6"}, {"display_name": "C7", "value": "C7"}, {"display_name": "C8", "value": "C8"}, {"display_name": "C9", "value": "C9"}, {"display_name": "C10", "value": "C10"}, {"display_name": "C11", "value": "C11"}, {"display_name": "C12", "value": "C12"},
        {"display_name": "D1", "value": "D1"}, {"display_name": "D2", "value": "D2"}, {"display_name": "D3", "value": "D3"}, {"display_name": "D4", "value": "D4"}, {"display_name": "D5", "value": "D5"}, {"display_name": "D6", "value": "D6"}, {"display_name": "D7", "value": "D7"}, {"display_name": "D8", "value": "D8"}, {"display_name": "D9", "value": "D9"}, {"display_name": "D10", "value": "D10"}, {"display_name": "D11", "value": "D11"}, {"display_name": "D12", "value": "D12"},
        {"display_name": "E1", "value": "E1"}, {"display_name": "E2", "value": "E2"}, {"display_name": "E3", "value": "E3"}, {"display_name": "E4", "value": "E4"}, {"display_name": "E5", "value": "E5"}, {"display_name": "E6", "value": "E6"}, {"display_name": "E7", "value": "E7"}, {"display_name": "E8", "value": "E8"}, {"display_name": "E9", "value": "E9"}, {"display_name": "E10", "value": "E10"}, {"display_name": "E11", "value": "E11"}, {"display_name": "E12", "value": "E12"},
        {"display_name": "F1", "value": "F1"}, {"display_name": "F2", "value": "F2"}, {"display_name": "F3", "value": "F3"}, {"display_name": "F4", "value": "F4"}, {"display_name": "F5", "value": "F5"}, {"display_name": "F6", "value": "F6"}, {"display_name": "F7", "value": "F7"}, {"display_name": "F8", "value": "F8"}, {"display_name": "F9", "value": "F9"}, {"display_name": "F10", "value": "F10"}, {"display_name": "F11", "value": "F11"}, {"display_name": "F12", "value": "F12"},
        {"display_name": "G1", "value": "G1"}, {"display_name": "G2", "value": "G2"}, {"display_name": "G3", "value": "G3"}, {"display_name": "G4", "value": "G4"}, {"display_name": "G5", "value": "G5"}, {"display_name": "G6", "value": "G6"}, {"display_name": "G7", "value": "G7"}, {"display_name": "G8", "value": "G8"}, {"display_name": "G9", "value": "G9"}, {"display_name": "G10", "value": "G10"}, {"display_name": "G11", "value": "G11"}, {"display_name": "G12", "value": "G12"},
        {"display_name": "H1", "value": "H1"}, {"display_name": "H2", "value": "H2"}, {"display_name": "H3", "value": "H3"}, {"display_name": "H4", "value": "H4"}, {"display_name": "H5", "value": "H5"}, {"display_name": "H6", "value": "H6"}, {"display_name": "H7", "value": "H7"}, {"display_name": "H8", "value": "H8"}, {"display_name": "H9", "value": "H9"}, {"display_name": "H10", "value": "H10"}, {"display_name": "H11", "value": "H11"}, {"display_name": "H12", "value": "H12"},
    ],
    )


def run(protocol: protocol_api.ProtocolContext):
    params = protocol.params
    volumes = {key: getattr(params, key) for key, _, _ in PAINTS}
    total = sum(volumes.values()) + params.G
    if total > MAX_TOTAL_UL:
        raise ValueError(f"total volume {total} µL exceeds {MAX_TOTAL_UL} µL")

    plate = protocol.load_labware("corning_96_wellplate_360ul_flat", 1)
    rack = protocol.load_labware("ot2ctl_6_tuberack_15ml", 3)
    tips = protocol.load_labware("opentrons_96_tiprack_300ul", 9)
    protocol.load_labware("ot2ctl_sensor_charging_port", 10)
    pipette = protocol.load_instrument("p300_single_gen2", "right", tip_racks=[tips])
    pipette.well_bottom_clearance.dispense = 8
    pipette.flow_rate.blow_out = 30

    target = plate[params.mix_well]
    protocol.comment(f"ot2ctl: mix R={volumes['R']} Y={volumes['Y']} B={volumes['B']} µL into {params.mix_well}")
    for key, colour, position in PAINTS:
        volume = volumes[key]
        if volume == 0:
            continue
        pipette.pick_up_tip(tips[position])
        pipette.aspirate(volume, rack[position])
        pipette.dispense(volume, target)
        pipette.blow_out(rack["A1"].top(z=-5))
        pipette.return_tip()
        protocol.comment(f"ot2ctl: dispensed {volume} µL of {colour}")
