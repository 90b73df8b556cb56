// Module-id helper functions, included inside module bodies (no include
// guard on purpose: every including module needs its own copy).
// See pl_params.vh for the module id encoding.

// 1 when id names an existing module (kind and variant valid).
function automatic pl_mod_valid(input [7:0] id);
  begin
    case (id[7:4])
      4'd1:    pl_mod_valid = (id[3:0] == 4'd2) || (id[3:0] == 4'd4) || (id[3:0] == 4'd6);
      4'd2:    pl_mod_valid = (id[3:0] <= 4'd5);
      default: pl_mod_valid = 1'b0;
    endcase
  end
endfunction

// variant_i of the RM: QAM bits per symbol, IFFT log2 N.
function automatic [7:0] pl_mod_variant(input [7:0] id);
  begin
    if (id[7:4] == 4'd2) pl_mod_variant = {4'd0, id[3:0]} + 8'd8;
    else                 pl_mod_variant = {4'd0, id[3:0]};
  end
endfunction

// 1 when module id may be loaded into a PRR whose compatibility mask is compat.
function automatic pl_mod_fits(input [7:0] id, input [15:0] compat);
  begin
    pl_mod_fits = pl_mod_valid(id) && compat[id[7:4]];
  end
endfunction
